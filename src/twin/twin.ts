/**
 * Starts the datacenter twin on a running control plane: the node agents, the node
 * lifecycle controller, faults, and, on a fresh cluster, the install as chapter 2 of
 * the story runs it (in simulated time, with progress lines).
 */
import type { Client } from '../client/client.js';
import type { Manager } from '../runtime/manager.js';
import { registerNodeLifecycleController } from '../controllers/node-lifecycle/controller.js';
import { registerCephStorage } from '../controllers/ceph-csi/register.js';
import { TwinKubelets } from './agent/twin-kubelet.js';
import type { TwinClock } from './clock/twin-clock.js';
import { registerFaultController } from './faults/fault-controller.js';
import { registerStorageControllers, type StorageControllers } from './images/register-storage.js';
import { registerTwinVirtHandler } from './guest/twin-virt-handler.js';
import type { ClusterDefinition } from './inventory/cluster-definition.js';
import { elapsed, planInstall } from './install/install-plan.js';
import { registerVmIoErrors } from './guest/io-errors.js';
import { imageIoBlocked } from '../ceph/rbd/io-blocked.js';

const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };

/** A running twin. */
export interface Twin {
  kubelets: TwinKubelets;
  /** The storage and CDI controllers (provisioner, image catalog, importer processes). */
  storage: StorageControllers;
  /** Resolves when the install (if one ran) is complete. */
  installed: Promise<void>;
  stop(): void;
}

/** Options of the twin. */
export interface TwinOptions {
  client: Client;
  manager: Manager;
  clock: TwinClock;
  def: ClusterDefinition;
  progress: (line: string) => void;
  /** Runs synchronously when the install completes (e.g. to leave fast-forward before time moves on). */
  onInstalled?: () => void;
  /** Where the Ceph engine is kept across restarts (`<dataDir>/ceph/`); in memory only when absent. */
  dataDir?: string;
}

/** Starts the twin; installs the cluster when no Node exists yet. */
export async function startTwin(o: TwinOptions): Promise<Twin> {
  const kubelets = new TwinKubelets(o.client, o.clock, o.manager, o.def.hardware.site.zone ?? o.def.hardware.site.name);
  o.clock.addBusyProbe(() => kubelets.busy());
  const stopLifecycle = registerNodeLifecycleController(o.manager, o.clock);
  registerFaultController(o.manager, o.clock, o.def, kubelets);
  const ceph = registerCephStorage(o.manager, o.clock, o.def, undefined, o.dataDir);
  registerTwinVirtHandler(o.manager, o.clock, kubelets, undefined, ceph.provisioner);
  const storage = registerStorageControllers(o.manager, o.clock, { provisioner: ceph.provisioner });
  // Guests whose RBD disks land on inactive PGs (or a full pool) pause with an I/O error.
  const stopIoErrors = registerVmIoErrors(o.manager, o.clock, (ns, claim) => {
    const img = ceph.host.claimImage?.(ns, claim);
    return !!(img && ceph.host.cluster && imageIoBlocked(ceph.host.cluster, img));
  });

  const existing = (await o.client.list(NODES)).items;
  let installed: Promise<void>;
  if (existing.length === 0) {
    installed = runInstall(o, kubelets);
  } else {
    // A restart: the kubelets of known servers resume with the subnets their Nodes have.
    for (const n of existing) {
      const server = o.def.hardware.servers.find((s) => s.name === n.metadata.name);
      const cidr = (n.spec as { podCIDR?: string }).podCIDR;
      if (server && cidr) await kubelets.register(server, cidr);
    }
    o.onInstalled?.();
    installed = Promise.resolve();
  }
  return { kubelets, storage, installed, stop: () => (kubelets.stop(), storage.stop(), ceph.stop(), stopLifecycle(), stopIoErrors()) };
}

function runInstall(o: TwinOptions, kubelets: TwinKubelets): Promise<void> {
  const steps = planInstall(o.def);
  const start = o.clock.now();
  return new Promise((resolve, reject) => {
    for (const step of steps) {
      o.clock.setTimer(step.at * 1000, () => {
        o.progress(`${elapsed((o.clock.now() - start) / 1000)} ${step.message}`);
        if (step.kind === 'register') kubelets.register(step.server, step.podCIDR).catch(reject);
        if (step.kind === 'complete') {
          o.onInstalled?.();
          resolve();
        }
      });
    }
  });
}

/** Total simulated seconds of the install of a definition. */
export function installSeconds(def: ClusterDefinition): number {
  const steps = planInstall(def);
  return steps[steps.length - 1].at;
}
