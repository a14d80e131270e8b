/**
 * PUT virtualmachineinstances/NAME/{pause,unpause,softreboot} and GET
 * .../{guestosinfo,userlist,filesystemlist} at `subresources.kubevirt.io/v1`, with
 * virt-api's refusals (`pkg/virt-api/rest/subresource.go`). Pausing sets the VMI's
 * `Paused` condition (reason PausedByUser) as virt-handler does once libvirt paused the
 * domain; the guest-agent reads come from the data plane's GuestModel.
 */
import { conflict, notFound } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { rfc3339 } from '../../lib/clock.js';
import type { HookHandler, ServerDeps } from '../server.js';
import type { GuestModel, SecretLookup } from './kubevirt-guest-model.js';

const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const SECRETS = { group: '', version: 'v1', plural: 'secrets', namespaced: true };
const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };

type Cond = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string | null; lastProbeTime?: string | null };
type Vmi = KubeObject & { spec: { volumes?: { cloudInitNoCloud?: Record<string, { name: string }>; cloudInitConfigDrive?: Record<string, { name: string }>; persistentVolumeClaim?: { claimName: string }; dataVolume?: { name: string } }[] }; status?: { phase?: string; conditions?: Cond[]; guestOSInfo?: unknown } };

/** Loads a VMI or answers 404 as KubeVirt does. */
export async function loadVmi(client: Client, ns: string, name: string): Promise<Vmi> {
  return (await client.get(VMIS, ns, name).catch((e: { code?: number }) => {
    throw e.code === 404 ? notFound('kubevirt.io', 'virtualmachineinstances', name) : e;
  })) as Vmi;
}

/** The Secrets a VMI's cloud-init references, fetched so the guest model can read them synchronously. */
export async function secretsOf(client: Client, vmi: Vmi): Promise<SecretLookup> {
  const names = new Set<string>();
  for (const v of vmi.spec.volumes ?? []) for (const ci of [v.cloudInitNoCloud, v.cloudInitConfigDrive]) for (const k of ['userDataSecretRef', 'networkDataSecretRef', 'secretRef']) if (ci?.[k]?.name) names.add(ci[k].name);
  const found = new Map<string, KubeObject>();
  for (const n of names) {
    const s = await client.get(SECRETS, vmi.metadata.namespace, n).catch(() => undefined);
    if (s) found.set(n, s);
  }
  return (_ns, name) => found.get(name);
}

const refuse = (name: string, msg: string) => conflict('kubevirt.io', 'virtualmachineinstance', name, msg);
const isPaused = (vmi: Vmi) => (vmi.status?.conditions ?? []).some((c) => c.type === 'Paused' && c.status === 'True');
const accepted = { code: 202, body: '', raw: true };

/** The action and guest-agent subresources of VMIs. */
export function vmiActionHooks(client: () => Client, guests: GuestModel): Record<string, HookHandler> {
  const running = async (ns: string, name: string) => {
    const vmi = await loadVmi(client(), ns, name);
    if (vmi.status?.phase !== 'Running') throw refuse(name, 'VMI is not running');
    return vmi;
  };
  // virt-handler and virt-controller write the VMI too: a lost race is retried from a fresh read.
  const setConds = async (vmi: Vmi, update: (c: Cond[]) => Cond[]) => {
    for (let i = 0; ; i++) {
      try {
        return await client().update(VMIS, { ...vmi, status: { ...vmi.status, conditions: update(vmi.status?.conditions ?? []) } });
      } catch (e) {
        if ((e as { code?: number }).code !== 409 || i >= 4) throw e;
        vmi = await loadVmi(client(), vmi.metadata.namespace!, vmi.metadata.name!);
      }
    }
  };
  const agent = async (d: ServerDeps, ns: string, name: string) => {
    const vmi = await loadVmi(client(), ns, name);
    const claimBytes = new Map<string, number>();
    for (const v of vmi.spec.volumes ?? []) {
      const c = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
      const pvc = c ? await client().get(PVCS, ns, c).catch(() => undefined) : undefined;
      const size = ((pvc?.status as { capacity?: { storage?: string } } | undefined)?.capacity?.storage) ?? ((pvc?.spec as { resources?: { requests?: { storage?: string } } } | undefined)?.resources?.requests?.storage);
      if (c && size) claimBytes.set(c, parseBytes(size));
    }
    const info = vmi.status?.phase === 'Running' ? guests.agentInfo(vmi, await secretsOf(client(), vmi), d.clock.now(), (c) => claimBytes.get(c)) : undefined;
    if (!info) throw refuse(name, 'VMI does not have guest agent connected');
    return info;
  };
  return {
    pause: async (d, req) => {
      const vmi = await running(req.info.namespace!, req.info.name!);
      if (isPaused(vmi)) throw refuse(vmi.metadata.name!, 'VMI is already paused');
      const now = rfc3339(d.clock.now());
      await setConds(vmi, (cs) => [...cs.filter((c) => c.type !== 'Paused' && c.type !== 'AgentConnected'), { type: 'Paused', status: 'True', reason: 'PausedByUser', message: 'VMI was paused by user', lastProbeTime: null, lastTransitionTime: now }]);
      return accepted;
    },
    unpause: async (d, req) => {
      const vmi = await loadVmi(client(), req.info.namespace!, req.info.name!);
      if (!isPaused(vmi)) throw refuse(vmi.metadata.name!, 'VMI is not paused');
      await setConds(vmi, (cs) => cs.filter((c) => c.type !== 'Paused'));
      return accepted;
    },
    softreboot: async (d, req) => {
      const vmi = await running(req.info.namespace!, req.info.name!);
      if (isPaused(vmi)) throw refuse(vmi.metadata.name!, 'VMI is paused');
      const status = { ...vmi.status, conditions: (vmi.status?.conditions ?? []).filter((c) => c.type !== 'AgentConnected') };
      delete status.guestOSInfo;
      await client().update(VMIS, { ...vmi, metadata: { ...vmi.metadata, annotations: { ...(vmi.metadata.annotations ?? {}), ...guests.rebootAnnotations(d.clock.now()) } }, status });
      return accepted;
    },
    guestosinfo: async (d, req) => {
      const i = await agent(d, req.info.namespace!, req.info.name!);
      return { code: 200, body: { guestAgentVersion: i.guestAgentVersion, hostname: i.hostname, os: i.os, timezone: i.timezone, fsFreezeStatus: 'thawed', supportedCommands: [] } };
    },
    userlist: async (d, req) => {
      const i = await agent(d, req.info.namespace!, req.info.name!);
      return { code: 200, body: { metadata: {}, items: i.users.map((u) => ({ userName: u.userName, loginTime: u.loginTime })) } };
    },
    filesystemlist: async (d, req) => {
      const i = await agent(d, req.info.namespace!, req.info.name!);
      return { code: 200, body: { metadata: {}, items: i.filesystems } };
    },
  };
}

function parseBytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMGTPE]i?)?$/.exec(q);
  if (!m) return 0;
  const units: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(m[1]) * (m[2] ? units[m[2]] ?? 1 : 1);
}
