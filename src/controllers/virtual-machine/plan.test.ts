import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import type { Condition, Vm, Vmi } from './kubevirt-types.js';
import type { Observed } from './observed.js';
import { plan, START_BACKOFF } from './plan.js';
import { printableStatus, type PrintableStatus } from './printable-status.js';

const NOW = Date.UTC(2026, 2, 4, 9, 0, 0);

function vm(spec: Partial<Vm['spec']> = {}, meta: Partial<Vm['metadata']> = {}, status: Vm['status'] = {}): Vm {
  return {
    apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine',
    metadata: { name: 'test-linux-01', namespace: 'sandbox', uid: 'vm-uid', generation: 1, ...meta },
    spec: {
      runStrategy: 'Always',
      template: { metadata: { labels: { app: 'test' } }, spec: { domain: { memory: { guest: '8Gi' } }, volumes: [{ name: 'rootdisk', dataVolume: { name: 'root' } }] } },
      dataVolumeTemplates: [{ metadata: { name: 'root' }, spec: { source: { blank: {} } } }],
      ...spec,
    },
    status,
  };
}

function vmi(phase: string, conditions: Condition[] = [], extra: Partial<NonNullable<Vmi['status']>> = {}, meta: Partial<Vmi['metadata']> = {}): Vmi {
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'test-linux-01', namespace: 'sandbox', uid: 'vmi-uid', ...meta }, spec: { domain: {} }, status: { phase, conditions, ...extra } };
}

const dv = (phase: string): KubeObject => ({ apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name: 'root' }, status: { phase } });
const pvc = (phase: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'root' }, status: { phase } });

function world(v: Vm, i?: Vmi, dvPhase = 'Succeeded', pvcPhase = 'Bound'): Observed {
  return { vm: v, vmi: i, dataVolumes: new Map([['root', dvPhase ? dv(dvPhase) : undefined]]), pvcs: new Map([['root', pvcPhase ? pvc(pvcPhase) : undefined]]), now: NOW };
}

const c = (type: string, status: Condition['status'], reason?: string): Condition => ({ type, status, reason });

describe('printableStatus() reaches every one of the 17 values', () => {
  const cases: [PrintableStatus, Observed][] = [
    ['Stopped', world(vm({ runStrategy: 'Halted' }))],
    ['Provisioning', world(vm(), undefined, 'ImportInProgress')],
    ['Starting', world(vm(), vmi('Scheduling'))],
    ['Running', world(vm(), vmi('Running', [c('Ready', 'True')]))],
    ['Paused', world(vm(), vmi('Running', [c('Paused', 'True', 'PausedByUser')]))],
    ['Stopping', world(vm({ runStrategy: 'Halted' }), vmi('Running'))],
    ['Terminating', world(vm({}, { deletionTimestamp: '2026-03-04T09:00:00Z' }), vmi('Running'))],
    ['CrashLoopBackOff', world(vm({}, {}, { startFailure: { consecutiveFailCount: 2, retryAfterTimestamp: '2026-03-04T09:00:20Z' } }))],
    ['Migrating', world(vm(), vmi('Running', [], { migrationState: { startTimestamp: '2026-03-04T08:59:00Z' } }))],
    ['Unknown', world(vm(), vmi('Unknown'))],
    ['ErrorUnschedulable', world(vm(), vmi('Scheduling', [c('PodScheduled', 'False', 'Unschedulable')]))],
    ['ErrImagePull', world(vm(), vmi('Scheduling', [c('Synchronized', 'False', 'ErrImagePull')]))],
    ['ImagePullBackOff', world(vm(), vmi('Scheduling', [c('Synchronized', 'False', 'ImagePullBackOff')]))],
    ['ErrorPvcNotFound', world(vm(), vmi('Pending', [c('Synchronized', 'False', 'FailedPvcNotFound')]))],
    ['DataVolumeError', world(vm(), undefined, 'Failed')],
    ['WaitingForVolumeBinding', world(vm(), vmi('Scheduling'), 'WaitForFirstConsumer', 'Pending')],
    ['WaitingForReceiver', world(vm({ runStrategy: 'WaitAsReceiver' }), vmi('WaitingForSync'))],
  ];
  it.each(cases)('%s', (want, o) => {
    expect(printableStatus(o)).toBe(want);
  });
  it('covers all 17', () => {
    expect(new Set(cases.map(([s]) => s)).size).toBe(17);
  });
  it('Starting before the VMI exists, once the disks are ready', () => {
    expect(printableStatus(world(vm()))).toBe('Starting');
  });
  it('a final VMI reads Stopped', () => {
    expect(printableStatus(world(vm({ runStrategy: 'Manual' }), vmi('Succeeded')))).toBe('Stopped');
  });
});

describe('plan()', () => {
  const kinds = (o: Observed) => plan(o).actions.map((a) => a.kind);

  it('creates the DataVolumes of the templates, owned by the VM, and waits for them', () => {
    const p = plan(world(vm(), undefined, ''));
    expect(p.actions).toHaveLength(1);
    const a = p.actions[0];
    expect(a.kind).toBe('createDataVolume');
    if (a.kind !== 'createDataVolume') return;
    expect(a.dataVolume.metadata).toMatchObject({ name: 'root', namespace: 'sandbox', ownerReferences: [{ kind: 'VirtualMachine', name: 'test-linux-01', uid: 'vm-uid', controller: true, blockOwnerDeletion: true }] });
    expect(p.status).toMatchObject({ printableStatus: 'Provisioning', ready: false, created: false });
    expect(p.status.conditions?.[0]).toMatchObject({ type: 'Ready', status: 'False', reason: 'VMINotExists' });
  });

  it('creates the VMI from the template when the disks are ready', () => {
    const p = plan(world(vm()));
    expect(p.actions.map((a) => a.kind)).toEqual(['createVmi']);
    const a = p.actions[0];
    if (a.kind !== 'createVmi') return;
    expect(a.vmi.metadata).toMatchObject({ name: 'test-linux-01', labels: { app: 'test' }, ownerReferences: [{ uid: 'vm-uid', controller: true }] });
    expect(a.vmi.spec.domain.memory?.guest).toBe('8Gi');
  });

  it('maps running: true to Always and running: false to Halted', () => {
    expect(kinds(world(vm({ runStrategy: undefined, running: true })))).toEqual(['createVmi']);
    expect(kinds(world(vm({ runStrategy: undefined, running: false })))).toEqual([]);
    expect(plan(world(vm({ runStrategy: undefined, running: false }))).status.runStrategy).toBe('Halted');
  });

  it('Halted deletes a running VMI; Manual leaves it', () => {
    expect(kinds(world(vm({ runStrategy: 'Halted' }), vmi('Running')))).toEqual(['deleteVmi']);
    expect(kinds(world(vm({ runStrategy: 'Manual' }), vmi('Running')))).toEqual([]);
  });

  it('Manual starts only on a Start request, and consumes it', () => {
    expect(kinds(world(vm({ runStrategy: 'Manual' })))).toEqual([]);
    const p = plan(world(vm({ runStrategy: 'Manual' }, {}, { stateChangeRequests: [{ action: 'Start' }] })));
    expect(p.actions.map((a) => a.kind)).toEqual(['createVmi']);
    expect(p.status.stateChangeRequests).toBeUndefined();
  });

  it('a restart request stops the VMI it names, then starts a new one', () => {
    const restart = { stateChangeRequests: [{ action: 'Stop' as const, uid: 'vmi-uid' }, { action: 'Start' as const }] };
    const first = plan(world(vm({}, {}, restart), vmi('Running')));
    expect(first.actions.map((a) => a.kind)).toEqual(['deleteVmi']);
    expect(first.status.printableStatus).toBe('Stopping');
    const second = plan(world(vm({}, {}, restart)));
    expect(second.actions.map((a) => a.kind)).toEqual(['createVmi']);
    expect(second.status.stateChangeRequests).toBeUndefined();
  });

  it('Always replaces a failed VMI after a back-off that grows, showing CrashLoopBackOff', () => {
    const p1 = plan(world(vm(), vmi('Failed')));
    expect(p1.status.startFailure).toMatchObject({ consecutiveFailCount: 1, lastFailedVMIUID: 'vmi-uid' });
    expect(Date.parse(p1.status.startFailure!.retryAfterTimestamp!) - NOW).toBe(START_BACKOFF.baseSeconds * 1000);
    expect(p1.actions.map((a) => a.kind)).toEqual(['deleteVmi']);
    const p2 = plan(world(vm({}, {}, p1.status)));
    expect(p2.actions).toEqual([]);
    expect(p2.status.printableStatus).toBe('CrashLoopBackOff');
    expect(p2.requeueAfterMs).toBe(10_000);
    const later = plan({ ...world(vm({}, {}, p1.status)), now: NOW + 10_000 });
    expect(later.actions.map((a) => a.kind)).toEqual(['createVmi']);
    const again = plan(world(vm({}, {}, p1.status), vmi('Failed', [], {}, { uid: 'vmi-2' })));
    expect(again.status.startFailure?.consecutiveFailCount).toBe(2);
    expect(Date.parse(again.status.startFailure!.retryAfterTimestamp!) - NOW).toBe(20_000);
  });

  it('RerunOnFailure keeps a Succeeded VMI; Once never restarts', () => {
    expect(kinds(world(vm({ runStrategy: 'RerunOnFailure' }), vmi('Succeeded')))).toEqual([]);
    expect(kinds(world(vm({ runStrategy: 'RerunOnFailure' }), vmi('Failed')))).toEqual(['deleteVmi']);
    expect(kinds(world(vm({ runStrategy: 'Once' }), vmi('Failed')))).toEqual([]);
    expect(kinds(world(vm({ runStrategy: 'Once' })))).toEqual(['createVmi']);
  });

  it('reports ready and created from a Ready VMI', () => {
    const p = plan(world(vm(), vmi('Running', [c('Ready', 'True')])));
    expect(p.status).toMatchObject({ printableStatus: 'Running', ready: true, created: true, observedGeneration: 1 });
    expect(p.status.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
  });

  it('does not start with a failed DataVolume and says why', () => {
    const p = plan(world(vm(), undefined, 'Failed'));
    expect(p.actions).toEqual([]);
    expect(p.status.conditions?.find((x) => x.type === 'Failure')).toMatchObject({ status: 'True', reason: 'DataVolumeError' });
  });
});
