// `ove ceph ...`, `ove rbd ...` and `ove twin fio ...`: the ceph and rbd tools (and a fio-like job)
// against the storage engine in the server, through the create-only ceph.ove.dev CephCommand.
import type { Command } from 'commander';
import type { KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import { CliError } from '../kube/cli-error.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { openSession } from '../kube/session.js';

/** ceph.ove.dev/v1alpha1 cephcommands. */
export const CEPH_COMMANDS: ResourceRef = { group: 'ceph.ove.dev', version: 'v1alpha1', plural: 'cephcommands', namespaced: false };

/** What a command returned. */
export interface CommandOutput {
  output: string;
  exitCode: number;
  nowMs?: number;
}

/** Runs one command line in the server. */
export async function cephCommand(client: Client, tool: 'ceph' | 'rbd' | 'fio', args: string[], format?: string): Promise<CommandOutput> {
  if (format && !['plain', 'json', 'json-pretty'].includes(format)) throw new CliError(`error: unrecognized format '${format}': use plain, json or json-pretty`);
  const body = { apiVersion: 'ceph.ove.dev/v1alpha1', kind: 'CephCommand', metadata: { generateName: `${tool}-` }, spec: { tool, args, ...(format ? { format } : {}) } } as KubeObject;
  const r = await client.create(CEPH_COMMANDS, body);
  return r.status as CommandOutput;
}

/** Splits `-f json` / `--format=json` out of a tool's arguments. */
export function splitFormat(args: string[]): { args: string[]; format?: string } {
  const out: string[] = [];
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-f' || a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice(9);
    else out.push(a);
  }
  return { args: out, format };
}

type Flags = { kubeconfig?: string; context?: string };

async function once(io: CliIo, flags: Flags, tool: 'ceph' | 'rbd' | 'fio', raw: string[]): Promise<number> {
  const { args, format } = splitFormat(raw);
  const session = openSession(flags);
  try {
    const r = await cephCommand(session.client, tool, args, format);
    (r.exitCode === 0 ? io.out : io.err)(r.output);
    return r.exitCode;
  } finally {
    session.close();
  }
}

/** `ceph -w`: the status, then new cluster log lines as the engine's clock moves, until interrupted or `seconds` pass. */
async function watch(io: CliIo, flags: Flags, seconds?: number): Promise<number> {
  const session = openSession(flags);
  const end = seconds === undefined ? Infinity : Date.now() + seconds * 1000;
  try {
    let r = await cephCommand(session.client, 'ceph', ['-w']);
    io.out(r.output);
    let since = (r.nowMs ?? 0) + 1;
    while (r.exitCode === 0 && Date.now() < end) {
      await new Promise((res) => setTimeout(res, 1000));
      r = await cephCommand(session.client, 'ceph', ['-w', String(since)]);
      io.out(r.output);
      since = Math.max(since, (r.nowMs ?? since) + 1);
    }
    return r.exitCode;
  } finally {
    session.close();
  }
}

/** Adds `ceph`, `rbd` and `twin fio` (register after `registerTwinCommands`). */
export function registerCephCommands(program: Command, io: CliIo = processIo): void {
  const tool = (name: 'ceph' | 'rbd', what: string) =>
    withAccessFlags(program.command(`${name} [args...]`).description(what).allowUnknownOption().helpOption(false).option('--watch-seconds <n>', 'with -w: stop after n seconds'));
  tool('ceph', 'the ceph tool against the cluster\'s storage: status, health [detail], osd tree, osd df, df, pg stat, pg dump_stuck, balancer status|on|off|mode, -w (-f json)').action(async (args: string[] = [], flags: Flags & { watchSeconds?: string }, cmd: Command) => {
    const all = [...args, ...cmd.args.filter((a) => !args.includes(a))];
    process.exitCode = await runCommand(io, () => (all[0] === '-w' || all[0] === '--watch' ? watch(io, flags, flags.watchSeconds ? Number(flags.watchSeconds) : undefined) : once(io, flags, 'ceph', all)));
  });
  tool('rbd', 'the rbd tool: ls POOL, info POOL/IMAGE, snap ls POOL/IMAGE, config image set|list POOL/IMAGE [KEY VALUE]').action(async (args: string[] = [], flags: Flags, cmd: Command) => {
    const all = [...args, ...cmd.args.filter((a) => !args.includes(a))];
    process.exitCode = await runCommand(io, () => once(io, flags, 'rbd', all));
  });
  const twin = program.commands.find((c) => c.name() === 'twin') ?? program.command('twin').description('the datacenter twin');
  withAccessFlags(twin.command('fio').description('run a fio-like job against the RBD volume of a claim (the I/O model)')
    .requiredOption('--pvc <namespace/name>', 'the claim whose volume to test')
    .option('--rw <mode>', 'randwrite or randread', 'randwrite').option('--bs <size>', 'block size', '4k')
    .option('--numjobs <n>', 'jobs', '1').option('--iodepth <n>', 'I/O depth per job', '1').option('--runtime <sec>', 'seconds', '60')
    .option('--size <size>', 'bytes to write first (e.g. 1g)').option('--name <name>', 'job name', 'test'))
    .action(async (o: Flags & Record<string, string | undefined>) => {
      const args = ['pvc', 'rw', 'bs', 'numjobs', 'iodepth', 'runtime', 'size', 'name'].flatMap((k) => (o[k] !== undefined ? [`--${k}`, o[k]!] : []));
      process.exitCode = await runCommand(io, () => once(io, o, 'fio', args));
    });
}
