// `ove adm cordon|uncordon|drain NODE`: node maintenance as `kubectl cordon|uncordon|drain` does it.
import type { Command } from 'commander';
import type { KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { openSession, type KubeSession } from '../kube/session.js';
import { runDrain, type DrainFlags } from './drain.js';

/** core/v1 nodes. */
export const NODES: ResourceRef = { group: '', version: 'v1', plural: 'nodes', namespaced: false };

/** Sets spec.unschedulable; prints `node/NAME cordoned` or `node/NAME already cordoned` (and the uncordon forms). */
export async function setSchedulable(client: Client, io: CliIo, node: string, cordon: boolean): Promise<void> {
  const n = await client.get<KubeObject & { spec?: { unschedulable?: boolean } }>(NODES, undefined, node);
  const verb = cordon ? 'cordoned' : 'uncordoned';
  if ((n.spec?.unschedulable ?? false) === cordon) {
    io.out(`node/${node} already ${verb}\n`);
    return;
  }
  // kubectl sends the strategic-merge diff; an unset field is how "schedulable" is written.
  await client.patch(NODES, undefined, node, 'strategic', { spec: { unschedulable: cordon ? true : null } });
  io.out(`node/${node} ${verb}\n`);
}

function nodeAction(io: CliIo, body: (session: KubeSession) => Promise<number | void>) {
  return async (flags: { kubeconfig?: string; context?: string; namespace?: string }) => {
    process.exitCode = await runCommand(io, async () => {
      const session = openSession(flags);
      try {
        return await body(session);
      } finally {
        session.close();
      }
    });
  };
}

/** Adds `adm` with cordon, uncordon and drain to the `ove` program. */
export function registerAdmCommands(program: Command): void {
  const adm = program.command('adm').description('administrative commands (node maintenance)');
  for (const cordon of [true, false]) {
    withAccessFlags(adm.command(cordon ? 'cordon' : 'uncordon'))
      .description(cordon ? 'mark a node unschedulable' : 'mark a node schedulable')
      .argument('<node>', 'node name')
      .action((node: string, flags: Record<string, string>) => nodeAction(processIo, (s) => setSchedulable(s.client, processIo, node, cordon))(flags));
  }
  withAccessFlags(adm.command('drain'))
    .description('cordon a node and evict its pods, honouring PodDisruptionBudgets')
    .argument('<node>', 'node name')
    .option('--ignore-daemonsets', 'ignore DaemonSet-managed pods')
    .option('--delete-emptydir-data', 'evict pods using emptyDir (their data is lost)')
    .option('--force', 'evict pods that declare no controller')
    .option('--timeout <duration>', 'give up after this long (0: forever)', '0')
    .option('--grace-period <seconds>', 'grace period for each pod (-1: the pod\'s own)', '-1')
    .option('--disable-eviction', 'delete pods instead of evicting them (bypasses PodDisruptionBudgets)')
    .action((node: string, flags: DrainFlags & { kubeconfig?: string; context?: string; namespace?: string }) => nodeAction(processIo, (s) => runDrain(s, processIo, node, flags))(flags));
}
