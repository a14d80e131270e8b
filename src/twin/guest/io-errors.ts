/**
 * The data plane's side of storage failures: qemu runs KubeVirt's disks with
 * `werror=stop,rerror=stop`, so a guest whose disk I/O fails or stalls is paused, and
 * virt-handler reports it as the VMI's Paused condition with reason PausedIOError (and an
 * IOerror event). This checks every running VMI's claims against the storage engine on the
 * twin's clock. The VM stays paused until someone unpauses it, as in KubeVirt.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import type { Clock, Timer } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';

const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
/** How often the handler looks (virt-handler's domain event loop is immediate; 5 s bounds the twin's work). */
const CHECK_MS = 5_000;

/** Claims a VMI's disks use: persistentVolumeClaim volumes and DataVolumes (whose claim has the DV's name). */
export function vmiClaims(vmi: KubeObject): string[] {
  const volumes = ((vmi.spec as { volumes?: { persistentVolumeClaim?: { claimName?: string }; dataVolume?: { name?: string } }[] } | undefined)?.volumes ?? []);
  return volumes.map((v) => v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name).filter((c): c is string => !!c);
}

/** Registers the check; `blocked(ns, claim)` says whether the claim's storage stalls I/O now. Returns a stop function. */
export function registerVmIoErrors(mgr: Manager, clock: Clock, blocked: (namespace: string, claim: string) => boolean): () => void {
  const vmis = mgr.informer(VMIS);
  const events = new EventRecorder(mgr.client, clock, 'virt-handler');
  const ctl = mgr.controller('vmi-io-errors', async (key) => {
    const vmi = vmis.get(key);
    if (!vmi || (vmi.status as { phase?: string } | undefined)?.phase !== 'Running') return;
    const conds = ((vmi.status as { conditions?: { type: string; status: string; reason?: string }[] }).conditions ?? []);
    if (conds.some((c) => c.type === 'Paused' && c.status === 'True')) return;
    const stalled = vmiClaims(vmi).filter((c) => blocked(vmi.metadata.namespace!, c));
    if (!stalled.length) return;
    const now = rfc3339(clock.now());
    const paused = { type: 'Paused', status: 'True', reason: 'PausedIOError', message: 'VMI was paused, low-level IO error detected', lastProbeTime: null, lastTransitionTime: now };
    // VMIs have no status subresource (as in KubeVirt's CRD): status is written with the object.
    await mgr.client.update(VMIS, { ...vmi, status: { ...(vmi.status as object), conditions: [...conds.filter((c) => c.type !== 'Paused' && c.type !== 'AgentConnected'), paused] } });
    await events.record(vmi, 'Warning', 'IOerror', `VMI encountered an IO error on ${stalled.map((c) => `claim ${c}`).join(', ')}`);
  });
  let timer: Timer;
  const tick = () => {
    for (const v of vmis.list()) ctl.enqueue(`${v.metadata.namespace}/${v.metadata.name}`);
    timer = clock.setTimer(CHECK_MS, tick);
  };
  timer = clock.setTimer(CHECK_MS, tick);
  return () => clock.clearTimer(timer);
}
