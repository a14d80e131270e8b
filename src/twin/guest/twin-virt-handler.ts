/**
 * The twin's virt-handler: for VMIs scheduled on twin nodes whose kubelet is up, it
 * starts the domain (Scheduled → Running), runs the modelled guest (boot, cloud-init,
 * guest agent, Windows Setup's drive list), reports the guest in the VMI status, and
 * shuts the guest down on deletion (Running → Succeeded). Nodes that are down do
 * nothing, as a dead virt-handler would.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { conditionOf, REFS, type Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { LAUNCHER_LABELS } from '../../controllers/virtual-machine-instance/launcher-pod.js';
import { setCondition, setPhase, dropCondition } from '../../controllers/virtual-machine-instance/vmi-status.js';
import type { Clock } from '../../lib/clock.js';
import type { Result } from '../../runtime/controller.js';
import type { Manager } from '../../runtime/manager.js';
import type { VolumeProvisioner } from '../../controllers/persistent-volume/provisioner.js';
import { acpiOutcome } from './acpi-shutdown.js';
import { GUEST_BOOT, type BootParams } from './boot-model.js';
import { BOOT_STARTED, FIRST_BOOT, guestOf, OS_HINT } from './guest.js';
import { guestOsInfo, interfacesOf, nextMilestone } from './guest-status.js';
import { WINDOWS_DISK, windowsView } from './windows-guest.js';
import { windowsStep } from './windows-progress.js';
import { VTPM_EK, vtpmFingerprint } from './vtpm.js';

/** Handler parameters (seconds): libvirt defining and starting the qemu domain. */
export const HANDLER_PARAMS = { domainStartSeconds: 1.5 };

/** PVC annotation: the cloud-init instance whose per-instance modules already ran on this disk. */
export const CLOUD_INIT_DONE = 'twin.ove.dev/cloud-init-instance-id';

/** Which nodes run a live virt-handler. */
export interface NodeAgents {
  isUp(node: string): boolean;
}

/** Registers the twin's virt-handler; `provisioner` receives what guests write to their volumes (Windows' install). */
export function registerTwinVirtHandler(mgr: Manager, clock: Clock, nodes: NodeAgents, params: BootParams = GUEST_BOOT, provisioner?: VolumeProvisioner): void {
  const vmis = mgr.informer<Vmi>(REFS.vmis);
  const pods = mgr.informer(REFS.pods);
  const secrets = mgr.informer(REFS.secrets);
  const dvs = mgr.informer(REFS.dataVolumes);
  const pvcs = mgr.informer(REFS.pvcs);
  const events = new EventRecorder(mgr.client, clock, 'virt-handler');
  const due = new Map<string, number>();
  const acpiPressed = new Map<string, number>();
  const secretOf = (ns: string, name: string) => secrets.get(`${ns}/${name}`);

  const ctl = mgr.controller('twin-virt-handler', async (key): Promise<Result | void> => {
    const vmi = vmis.get(key);
    const node = vmi?.status?.nodeName;
    if (!vmi || !node || !nodes.isUp(node)) return;
    const phase = vmi.status?.phase;
    const uid = vmi.metadata.uid!;
    const now = clock.now();
    const next: Vmi = structuredClone(vmi);
    const status = next.status!;
    const ns = vmi.metadata.namespace!;
    const rootClaim = (vmi.spec.volumes ?? []).find((v) => v.dataVolume || v.persistentVolumeClaim);
    const rootName = rootClaim?.dataVolume?.name ?? rootClaim?.persistentVolumeClaim?.claimName;
    const instanceId = `${vmi.metadata.name}.${ns}`;

    if (phase === 'Scheduled' && !vmi.metadata.deletionTimestamp) {
      const at = due.get(uid) ?? now + HANDLER_PARAMS.domainStartSeconds * params.scale * 1000;
      due.set(uid, at);
      if (at > now) return { requeueAfterMs: at - now };
      due.delete(uid);
      const image = rootName ? imageOf(ns, rootName) : undefined;
      const pvc = rootName ? pvcs.get(`${ns}/${rootName}`) : undefined;
      const ek = await vtpmFingerprint(mgr.client, vmi);
      const windows = pvc?.metadata.annotations?.[WINDOWS_DISK];
      next.metadata.annotations = {
        ...(ek ? { [VTPM_EK]: ek } : {}),
        ...(next.metadata.annotations ?? {}),
        [BOOT_STARTED]: new Date(now).toISOString(),
        [FIRST_BOOT]: String(pvc?.metadata.annotations?.[CLOUD_INIT_DONE] !== instanceId),
        ...(image ? { [OS_HINT]: image } : {}),
        // The Windows installed on the root disk boots instead of Setup.
        ...(windows ? { [WINDOWS_DISK]: windows } : {}),
      };
      setPhase(status, 'Running', now);
      setCondition(status, { type: 'Ready', status: 'True' }, now);
      status.interfaces = interfacesOf(vmi, podIp(vmi), false);
      status.machine = { type: vmi.spec.domain.machine?.type ?? 'q35' };
      await mgr.client.update(REFS.vmis, next);
      await events.record(vmi, 'Normal', 'Started', 'VirtualMachineInstance started.');
      return;
    }
    if (phase !== 'Running') return;
    const g = guestOf(vmi, secretOf, params);
    if (vmi.metadata.deletionTimestamp) {
      // The ACPI button is pressed once; when the domain goes follows the grace period as it is now (a forced stop shortens it).
      const pressed = acpiPressed.get(uid) ?? now;
      if (!acpiPressed.has(uid)) {
        acpiPressed.set(uid, now);
        await events.record(vmi, 'Normal', 'ShuttingDown', 'Signaled Graceful Shutdown');
      }
      const outcome = acpiOutcome(vmi, g, (pressed - (g.bootStartMs ?? pressed)) / 1000, params);
      const at = pressed + outcome.seconds * 1000;
      if (at > now) return { requeueAfterMs: at - now };
      acpiPressed.delete(uid);
      setPhase(status, 'Succeeded', now);
      setCondition(status, { type: 'Ready', status: 'False', reason: 'PodTerminating', message: 'virt-launcher pod is terminating' }, now);
      dropCondition(status, 'AgentConnected');
      await mgr.client.update(REFS.vmis, next);
      if (outcome.graceful) await events.record(vmi, 'Normal', 'Stopped', 'The VirtualMachineInstance was shut down.');
      else await events.record(vmi, 'Warning', 'Stopped', `The VirtualMachineInstance was killed: the guest did not shut down within the grace period of ${outcome.seconds} s`);
      return;
    }
    const elapsed = (now - (g.bootStartMs ?? now)) / 1000;
    const t = g.timeline;
    const pvc = rootName ? pvcs.get(`${ns}/${rootName}`) : undefined;
    const paused = conditionOf(status.conditions, 'Paused')?.status === 'True';
    let agent = t.agentConnected !== undefined && elapsed >= t.agentConnected && !paused;
    let nicsSeen = agent;
    let windowsDue: number | undefined;
    if (g.os.family === 'windows') {
      windowsDue = await windowsStep({ client: mgr.client, events, provisioner, rootPvc: pvc }, vmi, next, g, now, params);
      const v = windowsView(next, g, now, params);
      agent = v.agentAt !== undefined && elapsed >= v.agentAt && !paused;
      // Without NetKVM Windows has no driver for the VirtIO NIC, so qemu-ga reports no such interface.
      nicsSeen = agent && v.nicUp !== undefined && elapsed >= v.nicUp;
    }
    if (agent) {
      setCondition(status, { type: 'AgentConnected', status: 'True' }, now);
      status.guestOSInfo = guestOsInfo(g);
    }
    status.interfaces = interfacesOf(vmi, podIp(vmi), nicsSeen, g.os.family === 'windows' ? (i) => (i ? `Ethernet ${i + 1}` : 'Ethernet') : undefined);
    if (JSON.stringify(next) !== JSON.stringify(vmi)) await mgr.client.update(REFS.vmis, next);
    // The disk remembers that cloud-init's per-instance modules ran (the next boot skips them).
    if (pvc && t.cloudInitDone !== undefined && elapsed >= t.cloudInitDone && pvc.metadata.annotations?.[CLOUD_INIT_DONE] !== instanceId) {
      await mgr.client.patch(REFS.pvcs, ns, rootName!, 'merge', { metadata: { annotations: { [CLOUD_INIT_DONE]: instanceId } } });
    }
    const m = [nextMilestone(g, elapsed), windowsDue].filter((x): x is number => x !== undefined && x > elapsed);
    return m.length ? { requeueAfterMs: Math.max(1, Math.ceil((Math.min(...m) - elapsed) * 1000)) } : undefined;
  }, 4);

  /** The image a DataVolume was imported from, following clones (`source.pvc`) back to it. */
  function imageOf(ns: string, name: string, hops = 0): string | undefined {
    const src = (dvs.get(`${ns}/${name}`)?.spec as { source?: { http?: { url?: string }; registry?: { url?: string }; pvc?: { namespace?: string; name: string } } } | undefined)?.source;
    if (src?.http?.url || src?.registry?.url) return src.http?.url ?? src.registry?.url;
    return src?.pvc && hops < 8 ? imageOf(src.pvc.namespace ?? ns, src.pvc.name, hops + 1) : undefined;
  }

  function podIp(vmi: Vmi): string | undefined {
    const pod = pods.list().find((p: KubeObject) => p.metadata.namespace === vmi.metadata.namespace && p.metadata.labels?.[LAUNCHER_LABELS.createdBy] === vmi.metadata.uid && !p.metadata.deletionTimestamp);
    return (pod?.status as { podIP?: string } | undefined)?.podIP;
  }

  const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
  vmis.on({ add: (v) => ctl.enqueue(key(v)), update: (_, v) => ctl.enqueue(key(v)), delete: (v) => (due.delete(v.metadata.uid!), acpiPressed.delete(v.metadata.uid!)) });
  pods.on({ update: (_, p) => p.metadata.labels?.[LAUNCHER_LABELS.vmName] && ctl.enqueue(`${p.metadata.namespace}/${p.metadata.labels[LAUNCHER_LABELS.vmName]}`) });
}
