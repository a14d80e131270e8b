/**
 * The VirtualMachineInstance controller (virt-controller's VMI loop): watches VMIs,
 * their launcher pods (by the `kubevirt.io/created-by` label), PVCs and DataVolumes,
 * and applies `planVmi` per VMI key. Pods it has created but not yet seen are
 * remembered (KubeVirt's expectations) so a lagging informer never yields a second pod.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import type { Clock } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { REFS, type Vmi } from '../virtual-machine/kubevirt-types.js';
import { LAUNCHER_LABELS } from './launcher-pod.js';
import { claimsOf, planVmi } from './plan.js';

/** Registers the VMI controller with a manager. */
export function registerVirtualMachineInstanceController(mgr: Manager, clock: Clock): void {
  const vmis = mgr.informer<Vmi>(REFS.vmis);
  const pods = mgr.informer(REFS.pods);
  const pvcs = mgr.informer(REFS.pvcs);
  const dataVolumes = mgr.informer(REFS.dataVolumes);
  const events = new EventRecorder(mgr.client, clock, 'virtualmachineinstance-controller');
  const expected = new Map<string, number>();
  const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
  const podsOf = (vmi: Vmi) => pods.list().filter((p) => p.metadata.namespace === vmi.metadata.namespace && p.metadata.labels?.[LAUNCHER_LABELS.createdBy] === vmi.metadata.uid);

  const ctl = mgr.controller('virtualmachineinstance', async (k) => {
    const vmi = vmis.get(k);
    if (!vmi) return;
    const mine = podsOf(vmi);
    if (mine.length) expected.delete(vmi.metadata.uid!);
    const ns = vmi.metadata.namespace!;
    const claims = claimsOf(vmi);
    const actions = planVmi({
      vmi,
      pods: mine,
      podExpected: expected.has(vmi.metadata.uid!),
      pvcs: new Map(claims.map((c) => [c, pvcs.get(`${ns}/${c}`)])),
      dataVolumes: new Map(claims.map((c) => [c, dataVolumes.get(`${ns}/${c}`)])),
      now: clock.now(),
    });
    for (const a of actions) {
      if (a.kind === 'update') {
        await mgr.client.update(REFS.vmis, a.vmi).catch((e: { code?: number }) => {
          if (e.code !== 404) throw e;
        });
      } else if (a.kind === 'createPod') {
        expected.set(vmi.metadata.uid!, clock.now());
        try {
          const pod = await mgr.client.create(REFS.pods, a.pod);
          await events.record(vmi, 'Normal', 'SuccessfulCreate', `Created virtual machine pod ${pod.metadata.name}`);
        } catch (e) {
          expected.delete(vmi.metadata.uid!);
          await events.record(vmi, 'Warning', 'FailedCreate', `Error creating pod: ${(e as Error).message}`);
          throw e;
        }
      } else {
        await mgr.client.delete(REFS.pods, ns, a.name, { preconditions: { uid: a.uid } }).catch((e: { code?: number }) => {
          if (e.code !== 404 && e.code !== 409) throw e;
        });
        await events.record(vmi, 'Normal', 'SuccessfulDelete', `Deleted virtual machine pod ${a.name}`);
      }
    }
  }, 4);

  vmis.on({ add: (v) => ctl.enqueue(key(v)), update: (_, v) => ctl.enqueue(key(v)), delete: (v) => expected.delete(v.metadata.uid!) });
  const fromPod = (p: KubeObject) => {
    const uid = p.metadata.labels?.[LAUNCHER_LABELS.createdBy];
    const name = p.metadata.labels?.[LAUNCHER_LABELS.vmName];
    if (uid && name) ctl.enqueue(`${p.metadata.namespace}/${name}`);
  };
  pods.on({ add: fromPod, update: (_, p) => fromPod(p), delete: fromPod });
  const fromClaim = (o: KubeObject) => {
    for (const v of vmis.list()) if (v.metadata.namespace === o.metadata.namespace && claimsOf(v).includes(o.metadata.name!)) ctl.enqueue(key(v));
  };
  pvcs.on({ add: fromClaim, update: (_, o) => fromClaim(o), delete: fromClaim });
  dataVolumes.on({ add: fromClaim, update: (_, o) => fromClaim(o), delete: fromClaim });
}
