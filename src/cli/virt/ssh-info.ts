/**
 * `ove virt ssh-info VM`: where to ssh to. virtctl's `ssh` tunnels through the VM's
 * `portforward` subresource to the guest's sshd; the twin's guests are modelled and
 * have no sshd, so ove prints the addresses instead: the VMI's pod-network IP
 * (`status.interfaces`), the Services whose selector matches the VMI's labels and that
 * forward port 22 (as `virtctl expose ... --port 22` creates them), and the cloud-init user.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import { CliError } from '../kube/cli-error.js';
import { cloudInitSources, cloudInitUsers, userDataText } from './cloud-init-user.js';
import { goError } from './lifecycle.js';

const VMIS: ResourceRef = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const SERVICES: ResourceRef = { group: '', version: 'v1', plural: 'services', namespaced: true };
const SECRETS: ResourceRef = { group: '', version: 'v1', plural: 'secrets', namespaced: true };

type Port = { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string };
type Service = KubeObject & { spec?: { type?: string; selector?: Record<string, string>; clusterIP?: string; ports?: Port[] }; status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } };
type Vmi = KubeObject & { spec?: Parameters<typeof cloudInitSources>[0]; status?: { phase?: string; nodeName?: string; interfaces?: { name?: string; ipAddress?: string }[] } };

/** What ssh-info found. */
export interface SshInfo {
  name: string;
  namespace: string;
  phase: string;
  node?: string;
  podIp?: string;
  services: { name: string; type: string; clusterIP?: string; port: number; nodePort?: number; external: string[] }[];
  users?: string[];
}

/** Services that select the VMI's pod (its labels) and reach guest port 22. */
export function sshServices(vmi: Vmi, services: Service[]): SshInfo['services'] {
  const labels = vmi.metadata.labels ?? {};
  const out: SshInfo['services'] = [];
  for (const s of services) {
    const sel = s.spec?.selector;
    if (!sel || Object.keys(sel).length === 0 || !Object.entries(sel).every(([k, v]) => labels[k] === v)) continue;
    const p = (s.spec?.ports ?? []).find((x) => (x.targetPort ?? x.port) === 22 && (x.protocol ?? 'TCP') === 'TCP');
    if (!p) continue;
    const external = (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
    out.push({ name: s.metadata.name!, type: s.spec?.type ?? 'ClusterIP', clusterIP: s.spec?.clusterIP, port: p.port, nodePort: p.nodePort, external });
  }
  return out;
}

/** Reads the VMI, the namespace's Services and the cloud-init Secret. */
export async function collectSshInfo(client: Client, ns: string, name: string): Promise<SshInfo> {
  const vmi = (await client.get(VMIS, ns, name).catch((err: unknown) => {
    throw new CliError(`Error getting VirtualMachineInstance ${name}: ${goError(err)}`);
  })) as Vmi;
  const services = (await client.list<Service>(SERVICES, ns)).items;
  let users: string[] | undefined;
  for (const src of cloudInitSources(vmi.spec)) {
    const secret = src.userDataSecretRef ? await client.get<KubeObject & { data?: Record<string, string> }>(SECRETS, ns, src.userDataSecretRef.name).catch(() => undefined) : undefined;
    users ??= cloudInitUsers(userDataText(src, secret?.data));
  }
  const iface = (vmi.status?.interfaces ?? []).find((i) => i.ipAddress);
  return { name, namespace: ns, phase: vmi.status?.phase ?? '', node: vmi.status?.nodeName, podIp: iface?.ipAddress?.split('/')[0], services: sshServices(vmi, services), users };
}

/** The text ssh-info prints. */
export function formatSshInfo(i: SshInfo): string {
  const user = i.users?.[0];
  const who = user ? `${user}@` : '';
  const lines = [`VirtualMachineInstance ${i.namespace}/${i.name}: ${i.phase || 'no phase yet'}${i.node ? ` on ${i.node}` : ''}`];
  lines.push(i.podIp ? `  pod network address: ${i.podIp} (port 22, reachable from the cluster's pod network)` : '  pod network address: none reported yet (the VMI is not running or its interface has no IP)');
  if (i.services.length === 0) lines.push('  services: none forwards port 22 (virtctl expose vm NAME --port 22 --name NAME-ssh --type NodePort creates one)');
  for (const s of i.services) {
    const parts = [`${s.type}`, s.clusterIP && s.clusterIP !== 'None' ? `cluster IP ${s.clusterIP}:${s.port}` : '', s.nodePort ? `node port ${s.nodePort}` : '', s.external.length ? `external ${s.external.map((e) => `${e}:${s.port}`).join(', ')}` : ''];
    lines.push(`  service/${s.name}: ${parts.filter(Boolean).join(', ')}`);
  }
  lines.push(i.users ? `  user: ${i.users.join(', ')} (from cloud-init)` : '  user: not set by cloud-init (the image\'s default user)');
  lines.push('');
  if (i.podIp) lines.push(`From a host on the pod network: ssh ${who}${i.podIp}`);
  for (const s of i.services) {
    if (s.external.length) lines.push(`Through service/${s.name}: ssh -p ${s.port} ${who}${s.external[0]}`);
    else if (s.nodePort) lines.push(`Through service/${s.name}: ssh -p ${s.nodePort} ${who}<any node address>`);
    else if (s.clusterIP && s.clusterIP !== 'None') lines.push(`Through service/${s.name} (inside the cluster): ssh -p ${s.port} ${who}${s.clusterIP}`);
  }
  lines.push(`ove does not open the SSH session: virtctl ssh ${who}vmi/${i.name} -n ${i.namespace} tunnels through the portforward subresource, which ove does not serve, and the twin's guests are modelled (no sshd to reach).`);
  return `${lines.join('\n')}\n`;
}
