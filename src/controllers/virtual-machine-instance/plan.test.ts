import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import type { Vmi } from '../virtual-machine/kubevirt-types.js';
import { planVmi, VMI_FINALIZER, type VmiObserved } from './plan.js';

const NOW = Date.UTC(2026, 2, 4, 9, 0, 0);
const vmi = (phase?: string, meta: Partial<Vmi['metadata']> = {}): Vmi => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance',
  metadata: { name: 'vm1', namespace: 'sandbox', uid: 'u1', finalizers: phase ? [VMI_FINALIZER] : undefined, ...meta },
  spec: { domain: { cpu: { cores: 2 }, memory: { guest: '2Gi' }, devices: { interfaces: [{ name: 'default', masquerade: {} }] } }, networks: [{ name: 'default', pod: {} }], volumes: [{ name: 'root', dataVolume: { name: 'vm1-root' } }] },
  status: phase ? { phase, conditions: [{ type: 'LiveMigratable', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-03-04T09:00:00Z' }], phaseTransitionTimestamps: [], migrationMethod: 'LiveMigration' } : undefined,
});
const pvc = (modes = ['ReadWriteMany']): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'vm1-root' }, spec: { accessModes: modes }, status: { phase: 'Bound' } });
const dv = (phase: string): KubeObject => ({ apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name: 'vm1-root' }, status: { phase } });
const pod = (status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'virt-launcher-vm1-abcde', uid: 'p1', ...meta }, spec: { nodeName: 'worker-3' }, status });
const world = (v: Vmi, pods: KubeObject[] = [], p: KubeObject | null = pvc(), d: KubeObject | null = dv('Succeeded')): VmiObserved => ({ vmi: v, pods, podExpected: false, pvcs: new Map([['vm1-root', p ?? undefined]]), dataVolumes: new Map([['vm1-root', d ?? undefined]]), now: NOW });
const updated = (o: VmiObserved) => {
  const a = planVmi(o).find((x) => x.kind === 'update');
  return a?.kind === 'update' ? a.vmi : undefined;
};

describe('planVmi()', () => {
  it('a new VMI goes Pending with the finalizer, LiveMigratable, and gets its launcher pod', () => {
    const acts = planVmi(world(vmi()));
    expect(acts.map((a) => a.kind)).toEqual(['update', 'createPod']);
    const v = (acts[0] as { vmi: Vmi }).vmi;
    expect(v.status).toMatchObject({ phase: 'Pending', migrationMethod: 'LiveMigration' });
    expect(v.metadata.finalizers).toEqual([VMI_FINALIZER]);
    const p = (acts[1] as { pod: KubeObject }).pod;
    expect(p.metadata).toMatchObject({ generateName: 'virt-launcher-vm1-', labels: { 'kubevirt.io': 'virt-launcher', 'kubevirt.io/created-by': 'u1', 'vm.kubevirt.io/name': 'vm1' } });
    expect((p.spec as { nodeSelector: Record<string, string> }).nodeSelector).toEqual({ 'kubevirt.io/schedulable': 'true' });
  });

  it('waits for a missing PVC with FailedPvcNotFound and for DataVolumes still importing', () => {
    expect(updated(world(vmi(), [], null, null))!.status!.conditions!.find((c) => c.type === 'Synchronized')).toMatchObject({ status: 'False', reason: 'FailedPvcNotFound', message: 'PVC sandbox/vm1-root does not exist, waiting for it to appear' });
    const acts = planVmi(world(vmi(), [], null, dv('ImportInProgress')));
    expect(acts.map((a) => a.kind)).toEqual(['update']);
  });

  it('mirrors an unschedulable pod and an image pull error', () => {
    const un = updated(world(vmi('Pending'), [pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/12 nodes are available' }] })]))!;
    expect(un.status!.phase).toBe('Scheduling');
    expect(un.status!.conditions!.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    const img = updated(world(vmi('Scheduling'), [pod({ phase: 'Pending', containerStatuses: [{ name: 'compute', state: { waiting: { reason: 'ErrImagePull', message: 'pull failed' } } }] })]))!;
    expect(img.status!.conditions!.find((c) => c.type === 'Synchronized')).toMatchObject({ status: 'False', reason: 'ErrImagePull' });
  });

  it('a running pod makes the VMI Scheduled on its node', () => {
    const v = updated(world(vmi('Scheduling'), [pod({ phase: 'Running', qosClass: 'Burstable' })]))!;
    expect(v.status).toMatchObject({ phase: 'Scheduled', nodeName: 'worker-3', activePods: { p1: 'worker-3' }, qosClass: 'Burstable' });
    expect(v.metadata.labels).toMatchObject({ 'kubevirt.io/nodeName': 'worker-3' });
  });

  it('fails a VMI whose pod failed or vanished', () => {
    expect(updated(world(vmi('Running'), [pod({ phase: 'Failed' })]))!.status!.phase).toBe('Failed');
    expect(updated(world(vmi('Running'), []))!.status!.phase).toBe('Failed');
  });

  it('on deletion: a running domain is left to virt-handler; otherwise pods go, then the finalizer', () => {
    const del = { deletionTimestamp: '2026-03-04T09:00:00Z' };
    expect(planVmi(world(vmi('Running', del), [pod({ phase: 'Running' })]))).toEqual([]);
    expect(planVmi(world(vmi('Succeeded', del), [pod({ phase: 'Running' })])).map((a) => a.kind)).toEqual(['deletePod']);
    expect(updated(world(vmi('Succeeded', del), []))!.metadata.finalizers).toEqual([]);
  });
});
