/** `ove up`: starts the platform on a data dir and writes the admin kubeconfig. */
import { resolve, join } from 'node:path';
import type { Command } from 'commander';
import { startControlPlane } from './control-plane.js';
import { kubeconfig, writeKubeconfig } from './kubeconfig.js';

/** Parsed `--listen HOST:PORT`. */
export function parseListen(s: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(s);
  if (!m || Number(m[2]) > 65535) throw new Error(`--listen ${s}: expected HOST:PORT, e.g. 127.0.0.1:6443`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) };
}

/** Registers `ove up`. */
export function registerUpCommand(program: Command): void {
  program
    .command('up')
    .description('start the platform: API server, storage and controllers')
    .option('--data-dir <dir>', 'where state, certificates and the kubeconfig live', './.ove')
    .option('--listen <host:port>', 'address of the API server', '127.0.0.1:6443')
    .option('--storage <backend>', 'sqlite, memory, or etcd://host:port[,host:port]', 'sqlite')
    .option('--kubeconfig <file>', 'where to write the admin kubeconfig (default: DATA_DIR/kubeconfig)')
    .action(async (o: { dataDir: string; listen: string; storage: string; kubeconfig?: string }) => {
      const { host, port } = parseListen(o.listen);
      const dataDir = resolve(o.dataDir);
      const cp = await startControlPlane({ dataDir, host, port, storage: o.storage });
      const path = resolve(o.kubeconfig ?? join(dataDir, 'kubeconfig'));
      writeKubeconfig(path, kubeconfig(cp.url, cp.caPem, cp.adminToken));
      console.log(`ove is ready at ${cp.url} (storage: ${o.storage}); export KUBECONFIG=${path}`);
      const stop = async () => {
        await cp.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
