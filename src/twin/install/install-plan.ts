/**
 * The install timeline of a cluster definition, as the story's chapter 2 describes a
 * bare-metal IPI install: bootstrap, control plane through the BMCs, etcd quorum, the
 * API up, bootstrap teardown, workers through Metal3, operators settling. Pure: the
 * installer runs the steps on the twin's clock.
 */
import type { ClusterDefinition, Server } from '../inventory/cluster-definition.js';
import { hostSubnet } from '../nodes/pod-cidr.js';
import { INSTALL_PARAMS, hostProvisionSeconds } from './install-params.js';

/** One step of the install. */
export type InstallStep =
  | { at: number; kind: 'log'; message: string }
  | { at: number; kind: 'register'; server: Server; podCIDR: string; message: string }
  | { at: number; kind: 'complete'; message: string };

/** Plans the install; times are seconds after the install starts. */
export function planInstall(def: ClusterDefinition, p = INSTALL_PARAMS): InstallStep[] {
  const ic = def.installConfig;
  const name = ic.metadata.name;
  const api = `https://api.${name}.${ic.baseDomain}:6443`;
  const net = ic.networking.clusterNetwork[0];
  const masters = def.hardware.servers.filter((s) => s.role === 'control-plane');
  const workers = def.hardware.servers.filter((s) => s.role === 'worker');
  const provision = hostProvisionSeconds(p);
  const steps: InstallStep[] = [];
  let subnet = 0;
  const register = (s: Server, at: number) => {
    const podCIDR = hostSubnet(net.cidr, net.hostPrefix, subnet++);
    if (!podCIDR) throw new Error(`clusterNetwork ${net.cidr} with hostPrefix ${net.hostPrefix} has no subnet left for ${s.name}`);
    steps.push({ at, kind: 'register', server: s, podCIDR, message: `${s.name} joined the cluster (${s.role}, pod subnet ${podCIDR})` });
  };

  steps.push({ at: 0, kind: 'log', message: `Creating the bootstrap host for ${name} (baremetal IPI, ${masters.length} control-plane and ${workers.length} worker hosts)` });
  steps.push({ at: p.bootstrapSeconds, kind: 'log', message: 'Bootstrap: temporary etcd and Kubernetes API up, machine-api-operator starting' });
  steps.push({ at: p.controlPlaneStartSeconds, kind: 'log', message: `Provisioning ${masters.length} control-plane hosts through their BMCs (${Math.round(provision)} s each)` });
  masters.forEach((m, i) => register(m, p.controlPlaneStartSeconds + i * p.controlPlaneStaggerSeconds + provision));
  const lastMaster = p.controlPlaneStartSeconds + (masters.length - 1) * p.controlPlaneStaggerSeconds + provision;
  const quorum = lastMaster + p.etcdQuorumSeconds;
  steps.push({ at: quorum, kind: 'log', message: `etcd has ${masters.length} members; the control plane takes over from the bootstrap host` });
  const wait = quorum + p.apiVipSeconds;
  steps.push({ at: wait, kind: 'log', message: `Waiting up to 40m0s (until the install times out) for the Kubernetes API at ${api}...` });
  steps.push({ at: wait + p.apiUpAfterWaitSeconds, kind: 'log', message: `API v1.29.1+6afe7c1 up` });
  steps.push({ at: p.bootstrapTeardownSeconds, kind: 'log', message: 'Bootstrap complete: destroying the bootstrap resources' });
  steps.push({ at: p.workerStartSeconds, kind: 'log', message: `Provisioning ${workers.length} worker hosts through Metal3` });
  workers.forEach((w, i) => register(w, p.workerStartSeconds + i * p.workerStaggerSeconds + provision));
  const lastWorker = p.workerStartSeconds + (workers.length - 1) * p.workerStaggerSeconds + provision;
  steps.push({ at: lastWorker + p.operatorsSettleSeconds, kind: 'complete', message: `Install complete: ${masters.length + workers.length} nodes Ready; console at https://console-openshift-console.apps.${name}.${ic.baseDomain}` });
  return steps.sort((a, b) => a.at - b.at);
}

/** `T+mm:ss` as installer logs show elapsed time. */
export function elapsed(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `T+${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
