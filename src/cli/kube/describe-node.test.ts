import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { describeConfigMap, describeNamespace } from './describe-builtin.js';
import { describeNode, nodeRoles } from './describe-node.js';
import { rfc1123z } from './time-format.js';

const NOW = Date.parse('2026-11-21T14:00:00Z');

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'worker-3', labels: { 'kubernetes.io/hostname': 'worker-3', 'node-role.kubernetes.io/worker': '' }, creationTimestamp: '2026-11-21T13:57:10Z' },
  spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] },
  status: {
    capacity: { cpu: '64', memory: '1056536Mi', pods: '250', 'devices.kubevirt.io/kvm': '1k' },
    allocatable: { cpu: '63500m', memory: '1046296Mi', pods: '250', 'devices.kubevirt.io/kvm': '1k' },
    conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-11-21T13:50:00Z', lastTransitionTime: '2026-11-21T13:40:00Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
    addresses: [{ type: 'InternalIP', address: '10.20.0.23' }],
    nodeInfo: { machineID: 'm1', kubeletVersion: 'v1.29.5' },
  },
} as unknown as KubeObject;

const launcher = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'virt-launcher-test-linux-01-abcde', namespace: 'sandbox', creationTimestamp: '2026-11-21T13:59:50Z' },
  spec: {
    containers: [
      { name: 'compute', resources: { requests: { cpu: '4', memory: '8650Mi', 'devices.kubevirt.io/kvm': '1' }, limits: { cpu: '4500m', 'devices.kubevirt.io/kvm': '1' } } },
      { name: 'side', resources: { requests: { cpu: '10m', memory: '40M' } } },
    ],
  },
} as unknown as KubeObject;

describe('describeNode()', () => {
  it('prints kubectl describe node\'s sections, with the pods\' share of the node', () => {
    process.env.TZ = 'UTC';
    // Checked line by line against kubectl 1.32 describe node on the same objects.
    expect(describeNode(node, [launcher], { error: 'leases.coordination.k8s.io "worker-3" not found' }, [], NOW)).toBe(
      [
        'Name:               worker-3',
        'Roles:              worker',
        'Labels:             kubernetes.io/hostname=worker-3',
        '                    node-role.kubernetes.io/worker=',
        'Annotations:        <none>',
        'CreationTimestamp:  Sat, 21 Nov 2026 13:57:10 +0000',
        'Taints:             node.kubernetes.io/unschedulable:NoSchedule',
        'Unschedulable:      true',
        'Lease:              Failed to get lease: leases.coordination.k8s.io "worker-3" not found',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Sat, 21 Nov 2026 13:50:00 +0000   Sat, 21 Nov 2026 13:40:00 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  10.20.0.23',
        'Capacity:',
        '  cpu:                      64',
        '  devices.kubevirt.io/kvm:  1k',
        '  memory:                   1056536Mi',
        '  pods:                     250',
        'Allocatable:',
        '  cpu:                      63500m',
        '  devices.kubevirt.io/kvm:  1k',
        '  memory:                   1046296Mi',
        '  pods:                     250',
        'System Info:',
        '  Machine ID:                 m1',
        '  System UUID:                ',
        '  Boot ID:                    ',
        '  Kernel Version:             ',
        '  OS Image:                   ',
        '  Operating System:           ',
        '  Architecture:               ',
        '  Container Runtime Version:  ',
        '  Kubelet Version:            v1.29.5',
        '  Kube-Proxy Version:         ',
        'Non-terminated Pods:          (1 in total)',
        '  Namespace                   Name                                 CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                                 ------------  ----------  ---------------  -------------  ---',
        '  sandbox                     virt-launcher-test-linux-01-abcde    4010m (6%)    4500m (7%)  9110182400 (0%)  0 (0%)         10s',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource                 Requests         Limits',
        '  --------                 --------         ------',
        '  cpu                      4010m (6%)       4500m (7%)',
        '  memory                   9110182400 (0%)  0 (0%)',
        '  ephemeral-storage        0 (0%)           0 (0%)',
        '  devices.kubevirt.io/kvm  1                1',
        'Events:                    <none>',
        '',
      ].join('\n'),
    );
  });

  it('nodeRoles() reads role labels', () => {
    expect(nodeRoles({ 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra' })).toEqual(['control-plane', 'infra', 'master']);
    expect(nodeRoles({})).toEqual([]);
  });

  it('rfc1123z() formats like Go\'s time.RFC1123Z, including the zero time', () => {
    expect(rfc1123z('2026-11-21T13:50:00Z', 60)).toBe('Sat, 21 Nov 2026 14:50:00 +0100');
    expect(rfc1123z(undefined, 0)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
  });
});

describe('describeConfigMap() and describeNamespace()', () => {
  it('print as kubectl describe does', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'sandbox', labels: { z: '1' } }, data: { k: 'v' } } as unknown as KubeObject;
    expect(describeConfigMap(cm, [], NOW)).toBe('Name:         b\nNamespace:    sandbox\nLabels:       z=1\nAnnotations:  <none>\n\nData\n====\nk:\n----\nv\n\n\nBinaryData\n====\n\nEvents:  <none>\n');
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sandbox', labels: { 'kubernetes.io/metadata.name': 'sandbox' } }, status: { phase: 'Active' } } as unknown as KubeObject;
    expect(describeNamespace(ns, [], [])).toBe('Name:         sandbox\nLabels:       kubernetes.io/metadata.name=sandbox\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n');
  });
});
