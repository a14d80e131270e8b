/**
 * What virt-handler reports about a running guest at a point in its boot: the
 * interfaces (the pod IP for masquerade, the domain's MAC; the guest's own view once
 * the agent connects), `guestOSInfo` and the `AgentConnected` condition.
 */
import { createHash } from 'node:crypto';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import type { Guest } from './guest.js';

/** The MAC libvirt gives an interface without `macAddress` (QEMU's 52:54:00 prefix), stable per VMI and interface. */
export function macOf(vmi: Vmi, iface: string): string {
  const h = createHash('sha1').update(`${vmi.metadata.uid}/${iface}`).digest();
  return ['52', '54', '00', ...[0, 1, 2].map((i) => h[i].toString(16).padStart(2, '0'))].join(':');
}

/** The `status.interfaces` of a running VMI; `agent`: the guest agent reports the guest's NICs (named by `guestName`). */
export function interfacesOf(vmi: Vmi, podIp: string | undefined, agent: boolean, guestName: (idx: number) => string = (idx) => `eth${idx}`): Record<string, unknown>[] {
  const podNet = (vmi.spec.networks ?? []).find((n) => n.pod !== undefined)?.name;
  return (vmi.spec.domain.devices?.interfaces ?? []).map((i, idx) => {
    const onPod = i.name === podNet;
    const out: Record<string, unknown> = { name: i.name, mac: i.macAddress ?? macOf(vmi, i.name), infoSource: agent ? 'domain, guest-agent' : 'domain', queueCount: 1, linkState: 'up' };
    if (onPod) out.podInterfaceName = 'eth0';
    // With masquerade the guest sits behind the pod's NAT; KubeVirt reports the pod IP.
    if (onPod && podIp) Object.assign(out, { ipAddress: podIp, ipAddresses: [podIp] });
    if (agent) out.interfaceName = guestName(idx);
    return out;
  });
}

/** `status.guestOSInfo` as qemu-ga's guest-get-osinfo fills it. */
export function guestOsInfo(g: Guest): Record<string, string> {
  const o = g.os;
  return { id: o.id, name: o.name, prettyName: o.prettyName, version: o.version, versionId: o.versionId, kernelRelease: o.kernelRelease, kernelVersion: o.kernelVersion, machine: o.machine };
}

/** Seconds after boot start of the guest's next milestone after `elapsed`, if any. */
export function nextMilestone(g: Guest, elapsed: number): number | undefined {
  const t = g.timeline;
  const all = [t.loginPrompt, t.cloudInitDone, t.agentConnected, t.windowsSetup].filter((x): x is number => x !== undefined && x > elapsed);
  return all.length ? Math.min(...all) : undefined;
}
