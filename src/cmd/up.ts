/** `ove up`: starts the platform on a data dir, with the datacenter twin of a cluster definition, and writes the admin kubeconfig. */
import { resolve, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startControlPlane } from './control-plane.js';
import { kubeconfig, writeKubeconfig } from './kubeconfig.js';
import { loadClusterDefinition } from '../twin/inventory/index.js';
import { TwinClock, parseClockMode } from '../twin/clock/twin-clock.js';
import { keepClockFile, readClockFile } from '../twin/clock/clock-file.js';
import { installSeconds, startTwin } from '../twin/twin.js';

/** The story's cluster, shipped with ove. */
export const DEFAULT_CLUSTER = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/ove-prod-01');

/** Parsed `--listen HOST:PORT`. */
export function parseListen(s: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(s);
  if (!m || Number(m[2]) > 65535) throw new Error(`--listen ${s}: expected HOST:PORT, e.g. 127.0.0.1:6443`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

interface UpOptions {
  dataDir: string;
  listen: string;
  storage: string;
  kubeconfig?: string;
  cluster: string;
  twin: boolean;
  clock: string;
  speed?: string;
}

/** Registers `ove up`. */
export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description('start the platform: API server, storage, controllers and the datacenter twin')
    .option('--data-dir <dir>', 'where state, certificates and the kubeconfig live', './.ove')
    .option('--listen <host:port>', 'address of the API server', '127.0.0.1:6443')
    .option('--storage <backend>', 'sqlite, memory, or etcd://host:port[,host:port]', 'sqlite')
    .option('--kubeconfig <file>', 'where to write the admin kubeconfig (default: DATA_DIR/kubeconfig)')
    .option('--cluster <dir>', 'cluster definition: install-config.yaml + hardware.yaml', DEFAULT_CLUSTER)
    .option('--no-twin', 'run the control plane only, with no simulated datacenter')
    .option('--clock <mode>', 'realtime or fast-forward (the twin jumps to its next timer whenever all work is idle)', 'realtime')
    .option('--speed <n>', 'with --clock realtime: simulated seconds per wall second')
    .action(async (o: UpOptions) => {
      const { host, port } = parseListen(o.listen);
      const dataDir = resolve(o.dataDir);
      const mode = parseClockMode(o.clock, o.speed);
      const def = o.twin ? await loadClusterDefinition(resolve(o.cluster)) : undefined;
      // A fresh cluster installs in fast-forward, starting one install-duration ago, so it is
      // installed "now" and the nodes' ages read as the story's; then the chosen mode takes over.
      // A restart resumes at the twin's saved time when a fast-forward run left it ahead of the wall.
      const durable = o.storage !== 'memory';
      const saved = durable ? readClockFile(dataDir) : undefined;
      const resumeAt = () => Math.max(Date.now(), saved ?? 0);
      const clock = new TwinClock({ mode: 'fast-forward' }, saved !== undefined ? resumeAt() : Date.now() - (def ? installSeconds(def) * 1000 : 0));
      clock.start();
      const cp = await startControlPlane({ dataDir, host, port, storage: o.storage, clock });
      clock.addBusyProbe(() => cp.busy());
      const path = resolve(o.kubeconfig ?? join(dataDir, 'kubeconfig'));
      writeKubeconfig(path, kubeconfig(cp.url, cp.caPem, cp.adminToken));
      const stopClockFile = durable ? keepClockFile(clock, dataDir) : () => undefined;
      const stop = async () => {
        stopClockFile();
        clock.stop();
        await cp.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (def) {
        // The Ceph engine is durable with the API's objects: not with --storage memory, whose objects die with the process.
        const twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def, progress: (l) => console.log(`install: ${l}`), onInstalled: () => clock.switchTo(mode, resumeAt()), dataDir: durable ? dataDir : undefined });
        await twin.installed;
      } else clock.switchTo(mode, resumeAt());
      const nodes = def ? ` with ${def.hardware.servers.length} nodes of ${def.installConfig.metadata.name}` : '';
      console.log(`ove is ready at ${cp.url}${nodes} (storage: ${o.storage}, clock: ${o.clock}${o.speed ? ` x${o.speed}` : ''}); export KUBECONFIG=${path}`);
    });
}
