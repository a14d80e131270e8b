import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { activeFilters, newCycleState, runFilters, runPreFilters } from './cycle.js';
import type { FilterPlugin } from './framework.js';
import {
  DEFAULT_FILTERS,
  nodeAffinity,
  nodeName,
  nodePorts,
  nodeResourcesFit,
  nodeUnschedulable,
  taintToleration,
} from './filters.js';
import { podInfo } from './pod-info.js';
import { NodeSnapshot } from './snapshot.js';
import { MASTER_TAINT, launcherPod, makeNode, makePod } from './synthetic.js';

/** Runs PreFilter and the given filters for a pod on one node: the rejection's code and reasons, or 'fits'. */
function verdict(plugins: FilterPlugin[], pod: KubeObject, node: KubeObject, others: KubeObject[] = []) {
  const snap = NodeSnapshot.from([node], others);
  const state = newCycleState(podInfo(pod), snap);
  const pre = runPreFilters(state, plugins);
  if (pre.rejected) return { prefilter: pre.rejected.reasons };
  if (pre.nodeNames && !pre.nodeNames.has(node.metadata.name!)) return { narrowedOut: true };
  const st = runFilters(state, activeFilters(state, plugins), snap.get(node.metadata.name!)!);
  return st === null ? 'fits' : { code: st.code, reasons: st.reasons };
}

const node = (extra: Parameters<typeof makeNode>[0] | object = {}) => makeNode({ name: 'n1', ...extra });
const pod = (extra: object = {}) => makePod({ name: 'p', ...extra });

describe('NodeUnschedulable', () => {
  it.each([
    { name: 'schedulable node', node: node(), pod: pod(), want: 'fits' },
    { name: 'cordoned node', node: node({ unschedulable: true }), pod: pod(), want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] } },
    {
      name: 'cordoned node, pod tolerates the unschedulable taint',
      node: node({ unschedulable: true }),
      pod: pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      want: 'fits',
    },
  ])('$name', ({ node, pod, want }) => expect(verdict([nodeUnschedulable], pod, node)).toEqual(want));
});

describe('NodeName', () => {
  it.each([
    { name: 'no nodeName', pod: pod(), want: 'fits' },
    { name: 'this node', pod: pod({ spec: { nodeName: 'n1' } }), want: 'fits' },
    { name: 'another node', pod: pod({ spec: { nodeName: 'n2' } }), want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] } },
  ])('$name', ({ pod, want }) => expect(verdict([nodeName], pod, node())).toEqual(want));
});

describe('TaintToleration', () => {
  const master = node({ taints: [MASTER_TAINT] });
  it.each([
    { name: 'untolerated master taint', node: master, pod: pod(), want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/master: }'] } },
    { name: 'tolerated with Exists', node: master, pod: pod({ tolerations: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists' }] }), want: 'fits' },
    { name: 'toleration for another effect', node: master, pod: pod({ tolerations: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoExecute' }] }), want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/master: }'] } },
    {
      name: 'value printed, first untolerated taint wins',
      node: node({ taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] }),
      pod: pod({ tolerations: [{ key: 'a', value: '1' }] }),
      want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {dedicated: gpu}'] },
    },
    { name: 'Equal needs the value', node: node({ taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }] }), pod: pod({ tolerations: [{ key: 'a', operator: 'Equal', value: '2' }] }), want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {a: 1}'] } },
    { name: 'empty key with Exists tolerates all', node: master, pod: pod({ tolerations: [{ operator: 'Exists' }] }), want: 'fits' },
    { name: 'PreferNoSchedule does not filter', node: node({ taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }), pod: pod(), want: 'fits' },
  ])('$name', ({ node, pod, want }) => expect(verdict([taintToleration], pod, node)).toEqual(want));
});

describe('NodeAffinity', () => {
  const labelled = node({ labels: { 'topology.kubernetes.io/zone': 'B-14', 'node-role.kubernetes.io/worker': '', cores: '96' } });
  const req = (terms: object[]) => ({ spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } });
  const no = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] };
  it.each([
    { name: 'nodeSelector matches', pod: pod({ spec: { nodeSelector: { 'node-role.kubernetes.io/worker': '' } } }), want: 'fits' },
    { name: 'nodeSelector misses', pod: pod({ spec: { nodeSelector: { 'node-role.kubernetes.io/infra': '' } } }), want: no },
    { name: 'In', pod: pod(req([{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['B-14', 'B-15'] }] }])), want: 'fits' },
    { name: 'NotIn', pod: pod(req([{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['B-14'] }] }])), want: no },
    { name: 'DoesNotExist', pod: pod(req([{ matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] }])), want: 'fits' },
    { name: 'Gt', pod: pod(req([{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['64'] }] }])), want: 'fits' },
    { name: 'Lt', pod: pod(req([{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['64'] }] }])), want: no },
    { name: 'terms are ORed', pod: pod(req([{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }, { matchExpressions: [{ key: 'cores', operator: 'Exists' }] }])), want: 'fits' },
    { name: 'an empty term matches nothing', pod: pod(req([{}])), want: no },
    { name: 'matchFields on the name', pod: pod(req([{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n2'] }] }])), want: 'fits' },
    { name: 'PreFilter narrows to named nodes', pod: pod(req([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }])), want: { narrowedOut: true } },
    {
      name: 'conflicting name terms reject in PreFilter',
      pod: pod(req([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }, { key: 'metadata.name', operator: 'In', values: ['n2'] }] }])),
      want: { prefilter: ['pod affinity terms conflict'] },
    },
  ])('$name', ({ pod, want }) => expect(verdict([nodeAffinity], pod, labelled)).toEqual(want));
});

describe('NodePorts', () => {
  const withPort = (name: string, hostPort: number, hostIP?: string, nodeName?: string) =>
    makePod({ name, nodeName, spec: { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort, ...(hostIP ? { hostIP } : {}) }] }] } });
  const taken = { code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"] };
  it.each([
    { name: 'free port', pod: withPort('p', 8080), others: [withPort('o', 9090, undefined, 'n1')], want: 'fits' },
    { name: 'same port', pod: withPort('p', 8080), others: [withPort('o', 8080, undefined, 'n1')], want: taken },
    { name: 'different IPs', pod: withPort('p', 8080, '10.0.0.1'), others: [withPort('o', 8080, '10.0.0.2', 'n1')], want: 'fits' },
    { name: 'wildcard IP conflicts', pod: withPort('p', 8080, '10.0.0.1'), others: [withPort('o', 8080, undefined, 'n1')], want: taken },
  ])('$name', ({ pod, others, want }) => expect(verdict([nodePorts], pod, node(), others)).toEqual(want));
});

describe('NodeResourcesFit', () => {
  const worker = node({ cpu: '4', memory: '16Gi', pods: '3', kvm: '1k' });
  const bound = (name: string, cpu: string, memory: string) => makePod({ name, cpu, memory, nodeName: 'n1' });
  it.each([
    { name: 'fits', pod: pod({ cpu: '1', memory: '1Gi' }), others: [], want: 'fits' },
    { name: 'exactly full fits', pod: pod({ cpu: '2', memory: '12Gi' }), others: [bound('a', '2', '4Gi')], want: 'fits' },
    { name: 'cpu', pod: pod({ cpu: '3' }), others: [bound('a', '2', '1Gi')], want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } },
    { name: 'cpu and memory, in kube order', pod: pod({ cpu: '3', memory: '16Gi' }), others: [bound('a', '2', '1Gi')], want: { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] } },
    { name: 'larger than the node is still only Unschedulable in 1.32', pod: pod({ memory: '2Ti' }), others: [], want: { code: 'Unschedulable', reasons: ['Insufficient memory'] } },
    { name: 'too many pods', pod: pod(), others: [bound('a', '1m', '1'), bound('b', '1m', '1'), bound('c', '1m', '1')], want: { code: 'Unschedulable', reasons: ['Too many pods'] } },
    { name: 'kvm device', pod: launcherPod('vm1'), others: [], want: 'fits' },
  ])('$name', ({ pod, others, want }) => expect(verdict([nodeResourcesFit], pod, worker, others)).toEqual(want));

  it('Insufficient devices.kubevirt.io/kvm on a node without the device plugin', () => {
    expect(verdict([nodeResourcesFit], launcherPod('vm1'), node())).toEqual({ code: 'Unschedulable', reasons: ['Insufficient devices.kubevirt.io/kvm'] });
  });
});

describe('DEFAULT_FILTERS', () => {
  it('reports only the first rejecting plugin per node', () => {
    const n = node({ unschedulable: true, taints: [MASTER_TAINT], cpu: '1' });
    expect(verdict(DEFAULT_FILTERS, pod({ cpu: '2' }), n)).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] });
    expect(verdict(DEFAULT_FILTERS, pod({ cpu: '2' }), node({ taints: [MASTER_TAINT], cpu: '1' }))).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/master: }'],
    });
  });
});
