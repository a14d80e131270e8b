import { describe, it, expect } from 'vitest';
import { planDataVolume, sourceKindOf, type DvObserved } from './plan.js';

const base = (o: Partial<DvObserved>): DvObserved => ({ source: 'http', waitForFirstConsumer: false, previousRestarts: 0, now: 0, ...o });
const bound = { bound: true, lost: false, prePopulated: false };
const running = { phase: 'Running', restartCount: 0, running: true };

describe('planDataVolume: imports', () => {
  it('walks Pending → ImportScheduled → ImportInProgress → Succeeded with CDI progress strings', () => {
    expect(planDataVolume(base({}))).toMatchObject({ phase: 'Pending', actions: [{ kind: 'create-pvc' }] });
    expect(planDataVolume(base({ pvc: { ...bound, bound: false } }))).toMatchObject({ phase: 'Pending', actions: [] });
    expect(planDataVolume(base({ pvc: bound }))).toMatchObject({ phase: 'ImportScheduled', progress: 'N/A', actions: [{ kind: 'create-pod', pod: 'importer' }] });
    expect(planDataVolume(base({ pvc: bound, pod: { ...running, phase: 'Pending', running: false } })).phase).toBe('ImportScheduled');
    const inProgress = planDataVolume(base({ pvc: bound, pod: running, progress: 23 }));
    expect(inProgress).toMatchObject({ phase: 'ImportInProgress', progress: '23.00%', running: { status: 'True' } });
    expect(inProgress.actions).toContainEqual({ kind: 'requeue', afterMs: 2000 });
    expect(planDataVolume(base({ pvc: bound, pod: running, progress: 94.456 })).progress).toBe('94.46%');
    expect(planDataVolume(base({ pvc: bound, pod: { ...running, phase: 'Succeeded', running: false } }))).toMatchObject({ phase: 'Succeeded', progress: '100.0%', actions: [{ kind: 'complete' }], running: { reason: 'Completed', message: 'Import Complete' } });
    expect(planDataVolume(base({ pvc: { ...bound, podPhase: 'Succeeded' } }))).toMatchObject({ phase: 'Succeeded', actions: [] });
  });
  it('shows a crashed importer as ImportInProgress, N/A, Running False Error with the message, and counts restarts', () => {
    const d = planDataVolume(base({ pvc: bound, pod: { phase: 'Running', restartCount: 3, running: false, waitingReason: 'CrashLoopBackOff', lastMessage: 'boom' } }));
    expect(d).toMatchObject({ phase: 'ImportInProgress', progress: 'N/A', restartCount: 3, running: { status: 'False', reason: 'Error', message: 'boom' } });
  });
  it('keeps the restart count once the pod is gone', () => {
    expect(planDataVolume(base({ pvc: { ...bound, podPhase: 'Succeeded' }, previousRestarts: 4 })).restartCount).toBe(4);
  });
  it('waits for the first consumer (the importer pod is it)', () => {
    expect(planDataVolume(base({ pvc: { ...bound, bound: false }, waitForFirstConsumer: true }))).toMatchObject({ phase: 'WaitForFirstConsumer', actions: [{ kind: 'create-pod', pod: 'importer' }] });
  });
  it('fails when the claim is lost', () => {
    expect(planDataVolume(base({ pvc: { ...bound, lost: true } })).phase).toBe('Failed');
  });
  it('treats a pre-populated claim (restores) as Succeeded', () => {
    expect(planDataVolume(base({ pvc: { ...bound, prePopulated: true } })).phase).toBe('Succeeded');
  });
});

describe('planDataVolume: upload, blank, snapshot', () => {
  it('goes UploadScheduled then UploadReady when the upload server runs', () => {
    expect(planDataVolume(base({ source: 'upload', pvc: bound }))).toMatchObject({ phase: 'UploadScheduled', actions: [{ kind: 'create-pod', pod: 'upload' }] });
    expect(planDataVolume(base({ source: 'upload', pvc: bound, pod: running })).phase).toBe('UploadReady');
  });
  it('mirrors the upload pod on the claim (what cdi-uploadproxy checks) and succeeds when the server exits 0', () => {
    expect(planDataVolume(base({ source: 'upload', pvc: bound, pod: running })).actions).toEqual([{ kind: 'annotate-pod', phase: 'Running', ready: 'true' }]);
    expect(planDataVolume(base({ source: 'upload', pvc: { ...bound, podPhase: 'Running', podReady: 'true' }, pod: running })).actions).toEqual([]);
    const starting = planDataVolume(base({ source: 'upload', pvc: { ...bound, podPhase: 'Running', podReady: 'true' }, pod: { ...running, phase: 'Pending', running: false } }));
    expect(starting).toMatchObject({ phase: 'UploadScheduled', actions: [{ kind: 'annotate-pod', phase: 'Pending', ready: 'false' }] });
    const exited = planDataVolume(base({ source: 'upload', pvc: { ...bound, podPhase: 'Running', podReady: 'true' }, pod: { ...running, phase: 'Succeeded', running: false } }));
    expect(exited).toMatchObject({ phase: 'Succeeded', progress: '100.0%', actions: [{ kind: 'complete' }], running: { reason: 'Completed', message: 'Upload Complete' } });
  });
  it('restores a snapshot source through the claim', () => {
    expect(planDataVolume(base({ source: 'snapshot', pvc: { ...bound, bound: false } })).phase).toBe('CloneFromSnapshotSourceInProgress');
    expect(planDataVolume(base({ source: 'snapshot', pvc: bound })).phase).toBe('Succeeded');
  });
});

describe('planDataVolume: clones', () => {
  const clone = (method: 'csi-clone' | 'snapshot' | 'copy', extra = {}) => ({ method, sourceReady: true, tempSnapshot: 'absent' as const, ...extra });
  it('CSI clone: CSICloneInProgress until the claim binds', () => {
    expect(planDataVolume(base({ source: 'pvc', clone: clone('csi-clone') }))).toMatchObject({ phase: 'CSICloneInProgress', actions: [{ kind: 'create-pvc' }] });
    expect(planDataVolume(base({ source: 'pvc', clone: clone('csi-clone'), pvc: bound })).phase).toBe('Succeeded');
  });
  it('waits in CloneScheduled for a source that is not ready', () => {
    expect(planDataVolume(base({ source: 'pvc', clone: clone('csi-clone', { sourceReady: false }) }))).toMatchObject({ phase: 'CloneScheduled', actions: [] });
  });
  it('smart clone: snapshot, then a claim from it, then the temporary snapshot goes', () => {
    expect(planDataVolume(base({ source: 'pvc', clone: clone('snapshot') }))).toMatchObject({ phase: 'SnapshotForSmartCloneInProgress', actions: [{ kind: 'create-temp-snapshot' }] });
    expect(planDataVolume(base({ source: 'pvc', clone: clone('snapshot', { tempSnapshot: 'pending' }) })).phase).toBe('SnapshotForSmartCloneInProgress');
    expect(planDataVolume(base({ source: 'pvc', clone: clone('snapshot', { tempSnapshot: 'ready' }) }))).toMatchObject({ phase: 'SmartClonePVCInProgress', actions: [{ kind: 'create-pvc' }] });
    expect(planDataVolume(base({ source: 'pvc', clone: clone('snapshot', { tempSnapshot: 'ready' }), pvc: bound }))).toMatchObject({ phase: 'Succeeded', actions: [{ kind: 'delete-temp-snapshot' }] });
  });
  it('host-assisted copy: progress from elapsed over modelled seconds', () => {
    expect(planDataVolume(base({ source: 'pvc', clone: clone('copy'), pvc: bound }))).toMatchObject({ phase: 'CloneScheduled', actions: [{ kind: 'start-copy' }] });
    const mid = planDataVolume(base({ source: 'pvc', clone: clone('copy'), pvc: { ...bound, copyStartedMs: 0, copySeconds: 20 }, now: 6000 }));
    expect(mid).toMatchObject({ phase: 'CloneInProgress', progress: '30.00%' });
    // Progress moves on the 2 s poll grid, so a status write between polls changes nothing.
    expect(planDataVolume(base({ source: 'pvc', clone: clone('copy'), pvc: { ...bound, copyStartedMs: 0, copySeconds: 20 }, now: 7900 })).progress).toBe('30.00%');
    expect(planDataVolume(base({ source: 'pvc', clone: clone('copy'), pvc: { ...bound, copyStartedMs: 0, copySeconds: 20 }, now: 20000 }))).toMatchObject({ phase: 'Succeeded', running: { message: 'Clone Complete' } });
  });
});

describe('sourceKindOf', () => {
  it('names the source of a spec', () => {
    expect(sourceKindOf({ source: { http: { url: 'x' } } })).toBe('http');
    expect(sourceKindOf({ source: { blank: {} } })).toBe('blank');
    expect(sourceKindOf({})).toBeUndefined();
  });
});
