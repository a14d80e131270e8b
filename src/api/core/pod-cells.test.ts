import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { podCells, podStatus } from './pod-cells.js';

const now = Date.parse('2026-01-01T12:00:00Z');

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: '2026-01-01T11:00:00Z', ...meta }, spec, status };
}
const one = { containers: [{ name: 'a', image: 'x' }] };
const two = { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] };
const running = (name: string, extra: Record<string, unknown> = {}) => ({ name, ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T11:00:00Z' } }, ...extra });

describe('podStatus()', () => {
  it.each([
    ['pending, unscheduled', pod(one, { phase: 'Pending' }), '0/1', 'Pending', '0'],
    ['container creating', pod(one, { phase: 'Pending', containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }), '0/1', 'ContainerCreating', '0'],
    ['running and ready', pod(two, { phase: 'Running', containerStatuses: [running('a'), running('b')] }), '2/2', 'Running', '0'],
    ['running, one not ready', pod(two, { phase: 'Running', containerStatuses: [running('a'), running('b', { ready: false })] }), '1/2', 'Running', '0'],
    ['completed', pod(one, { phase: 'Succeeded', containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), '0/1', 'Completed', '0'],
    ['error exit code without reason', pod(one, { phase: 'Failed', containerStatuses: [{ name: 'a', restartCount: 0, state: { terminated: { exitCode: 2 } } }] }), '0/1', 'ExitCode:2', '0'],
    ['killed by signal', pod(one, { phase: 'Failed', containerStatuses: [{ name: 'a', restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] }), '0/1', 'Signal:9', '0'],
    ['evicted', pod(one, { phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted', '0'],
    ['scheduling gated', pod(one, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), '0/1', 'SchedulingGated', '0'],
    ['terminating', pod(one, { phase: 'Running', containerStatuses: [running('a')] }, { deletionTimestamp: '2026-01-01T11:59:00Z' }), '1/1', 'Terminating', '0'],
    ['deleted while node lost', pod(one, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: '2026-01-01T11:59:00Z' }), '0/1', 'Unknown', '0'],
    ['completed pod being deleted keeps its phase', pod(one, { phase: 'Succeeded', containerStatuses: [{ name: 'a', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, { deletionTimestamp: '2026-01-01T11:59:00Z' }), '0/1', 'Completed', '0'],
  ])('%s', (_name, p, ready, status, restarts) => {
    expect(podStatus(p, now)).toEqual({ ready, status, restarts });
  });

  it('shows CrashLoopBackOff with the restart count and age of the last restart', () => {
    const p = pod(one, { phase: 'Running', containerStatuses: [{ name: 'a', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T11:58:30Z' } } }] });
    expect(podStatus(p, now)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (90s ago)' });
  });

  it('shows init progress, init failures and init waiting reasons', () => {
    const spec = { initContainers: [{ name: 'i1', image: 'x' }, { name: 'i2', image: 'x' }], containers: [{ name: 'a', image: 'x' }] };
    const done = { name: 'i1', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(podStatus(pod(spec, { phase: 'Pending', initContainerStatuses: [done, { name: 'i2', restartCount: 0, state: { running: {} } }] }), now).status).toBe('Init:1/2');
    expect(podStatus(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 3, state: { terminated: { exitCode: 1, reason: 'Error' } } }] }), now)).toEqual({ ready: '0/1', status: 'Init:Error', restarts: '3' });
    expect(podStatus(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] }), now).status).toBe('Init:ImagePullBackOff');
    expect(podStatus(pod(spec, { phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 3 } } }] }), now).status).toBe('Init:ExitCode:3');
  });

  it('counts a started sidecar (restartable init container) as a container', () => {
    const spec = { initContainers: [{ name: 'side', image: 'x', restartPolicy: 'Always' }], containers: [{ name: 'a', image: 'x' }] };
    const p = pod(spec, { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [{ name: 'side', ready: true, started: true, restartCount: 1, state: { running: {} } }], containerStatuses: [running('a')] });
    expect(podStatus(p, now)).toEqual({ ready: '2/2', status: 'Running', restarts: '1' });
  });

  it('turns Completed back to Running or NotReady while another container runs', () => {
    const statuses = [{ name: 'a', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }, running('b')];
    // Containers are scanned last to first, so the first container's reason wins.
    expect(podStatus(pod(two, { phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'True' }] }), now).status).toBe('Running');
    expect(podStatus(pod(two, { phase: 'Running', containerStatuses: statuses }), now).status).toBe('NotReady');
  });
});

describe('podCells()', () => {
  it('prints wide cells with <none> placeholders and readiness gates', () => {
    const p = pod({ ...one, readinessGates: [{ conditionType: 'x/ready' }, { conditionType: 'y/ready' }] }, { phase: 'Pending', conditions: [{ type: 'x/ready', status: 'True' }] });
    expect(podCells(p, now)).toEqual(['0/1', 'Pending', '0', '60m', '<none>', '<none>', '<none>', '1/2']);
  });
  it('prints the primary pod IP and node', () => {
    const p = pod({ ...one, nodeName: 'n1' }, { phase: 'Running', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }], containerStatuses: [running('a')] });
    expect(podCells(p, now).slice(4, 6)).toEqual(['10.0.0.5', 'n1']);
  });
});
