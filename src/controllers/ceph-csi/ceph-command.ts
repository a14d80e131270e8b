/**
 * Runs a `ceph`, `rbd` or fio command line against the engine and returns what the real tool
 * prints (and its exit code): the server side of the CephCommand resource behind `ove ceph`,
 * `ove rbd` and `ove twin fio`.
 */
import {
  dfJson, formatConfigImageList, formatDf, formatDumpStuck, formatFio, formatHealthDetail, formatOsdDf, formatOsdTree, formatPgStat, formatRbdInfo,
  formatRbdLs, formatSnapLs, formatStatus, formatWatch, healthJson, healthReport, osdDfJson, osdTreeJson, pgStatJson, rbdInfoJson,
  rbdLsJson, runFio, snapLsJson, statusJson, formatBalancerStatus, setBalancerActive, setBalancerMode, type CephCluster, type RbdImage, type RbdImageStore,
} from '../../ceph/model.js';
import { monSessionError } from '../../ceph/cluster/mon-session.js';
import type { CephHost } from '../storage-cluster/ceph-host.js';

/** A command: the tool, its arguments, and `-f` format. */
export interface CephCommandSpec {
  tool: 'ceph' | 'rbd' | 'fio';
  args: string[];
  format?: 'plain' | 'json' | 'json-pretty';
}

/** What the command printed and its exit code; `nowMs` is the engine's time (for `-w` polling). */
export interface CephCommandResult {
  output: string;
  exitCode: number;
  nowMs?: number;
}

/** Resolves a claim (`ns`, `name`) to its RBD image, for fio. */
export type ClaimImage = (namespace: string, name: string) => RbdImage | undefined;

const ok = (output: string, c?: CephCluster): CephCommandResult => ({ output, exitCode: 0, nowMs: c?.nowMs });
const fail = (output: string, exitCode = 22): CephCommandResult => ({ output, exitCode });
const json = (v: unknown, pretty: boolean) => `${JSON.stringify(v, null, pretty ? 4 : undefined)}\n`;

/** Runs one command; the engine is advanced to now first. */
export function runCephCommand(host: CephHost | undefined, spec: CephCommandSpec, claimImage?: ClaimImage): CephCommandResult {
  const c = host?.cluster;
  if (!host || !c || !host.rbd) {
    return fail('[errno 2] RADOS object not found (error connecting to the cluster): no Ceph cluster is running (create a StorageCluster)\n', 1);
  }
  host.advance();
  // The tools need a monitor session first; without a quorum they time out (ceph/cluster/mon-session.ts).
  const noSession = spec.tool === 'fio' ? undefined : monSessionError(c);
  if (noSession) return fail(noSession, 1);
  try {
    const r = spec.tool === 'ceph' ? ceph(c, spec) : spec.tool === 'rbd' ? rbd(c, host.rbd, spec) : fio(c, host.rbd, spec.args, claimImage ?? host.claimImage);
    // What the command changed (QoS config, data fio wrote) is durable before it answers.
    host.flush();
    return r;
  } catch (e) {
    return fail(`${e instanceof Error ? e.message : String(e)}\n`);
  }
}

function ceph(c: CephCluster, spec: CephCommandSpec): CephCommandResult {
  const a = spec.args.join(' ');
  const j = spec.format === 'json' || spec.format === 'json-pretty';
  const pretty = spec.format === 'json-pretty';
  switch (a) {
    case 'status':
    case '-s':
      return ok(j ? json(statusJson(c), pretty) : formatStatus(c), c);
    case 'health': {
      const h = healthReport(c);
      return ok(j ? json(healthJson(c), pretty) : `${h.status}${h.checks.length ? ` ${h.checks.map((k) => k.summary).join('; ')}` : ''}\n`, c);
    }
    case 'health detail':
      return ok(j ? json(healthJson(c), pretty) : formatHealthDetail(c), c);
    case 'osd tree':
      return ok(j ? json(osdTreeJson(c), pretty) : formatOsdTree(c), c);
    case 'osd df':
      return ok(j ? json(osdDfJson(c), pretty) : formatOsdDf(c), c);
    case 'df':
      return ok(j ? json(dfJson(c), pretty) : formatDf(c), c);
    case 'pg stat':
      return ok(j ? json(pgStatJson(c), pretty) : formatPgStat(c), c);
    case 'balancer status':
      return ok(formatBalancerStatus(c), c);
    case 'balancer on':
    case 'balancer off':
      setBalancerActive(c, a === 'balancer on');
      return ok('', c);
  }
  if (spec.args[0] === 'balancer' && spec.args[1] === 'mode' && spec.args.length === 3) {
    setBalancerMode(c, spec.args[2]!);
    return ok('', c);
  }
  if (spec.args[0] === 'pg' && spec.args[1] === 'dump_stuck') {
    const which = (spec.args[2] ?? 'unclean') as 'unclean' | 'inactive' | 'undersized' | 'degraded';
    if (!['unclean', 'inactive', 'undersized', 'degraded'].includes(which)) return fail(`Invalid command: ${which} not in inactive|unclean|stale|undersized|degraded\n`);
    const out = formatDumpStuck(c, which);
    return ok(out || 'ok\n', c);
  }
  if (spec.args[0] === '-w' || spec.args[0] === '--watch') {
    // `-w [SINCE_MS]`: the status first (when SINCE_MS is absent), then the cluster log from there.
    const since = spec.args[1] !== undefined ? Number(spec.args[1]) : undefined;
    return ok(since === undefined ? `${formatStatus(c)}\n${formatWatch(c, 0)}` : formatWatch(c, since), c);
  }
  return fail(`no valid command found; 10 closest matches:\nstatus\nhealth [detail]\nosd tree\nosd df\ndf\npg stat\npg dump_stuck [inactive|unclean|undersized|degraded]\nbalancer status|on|off|mode <mode>\n-w\nError EINVAL: invalid command\n`);
}

function imageSpec(c: CephCluster, store: RbdImageStore, spec: string | undefined): RbdImage {
  if (!spec || !spec.includes('/')) throw new RangeError(`rbd: image name was not specified (use POOL/IMAGE)`);
  const [poolName, name] = spec.split('/') as [string, string];
  return store.get(poolIdOf(c, poolName), name);
}

function poolIdOf(c: CephCluster, name: string): number {
  const p = [...c.pools.values()].find((x) => x.def.name === name);
  if (!p) throw new RangeError(`rbd: error opening pool '${name}': (2) No such file or directory`);
  return p.def.id;
}

function rbd(c: CephCluster, store: RbdImageStore, spec: CephCommandSpec): CephCommandResult {
  const [cmd, ...rest] = spec.args;
  const j = spec.format === 'json' || spec.format === 'json-pretty';
  const pretty = spec.format === 'json-pretty';
  if (cmd === 'ls' || cmd === 'list') {
    const pool = poolIdOf(c, rest[0] ?? 'rbd');
    return ok(j ? json(rbdLsJson(store, pool), pretty) : formatRbdLs(store, pool), c);
  }
  if (cmd === 'info') {
    const img = imageSpec(c, store, rest[0]);
    return ok(j ? json(rbdInfoJson(c, img), pretty) : formatRbdInfo(c, img, store), c);
  }
  if (cmd === 'snap' && (rest[0] === 'ls' || rest[0] === 'list')) {
    const img = imageSpec(c, store, rest[1]);
    return ok(j ? json(snapLsJson(img), pretty) : formatSnapLs(img), c);
  }
  if (cmd === 'config' && rest[0] === 'image' && rest[1] === 'set') {
    if (rest.length !== 5) return fail('rbd: config image set needs POOL/IMAGE KEY VALUE\n');
    store.setConfig(imageSpec(c, store, rest[2]), rest[3]!, rest[4]!);
    return ok('', c);
  }
  if (cmd === 'config' && rest[0] === 'image' && (rest[1] === 'list' || rest[1] === 'ls')) {
    return ok(formatConfigImageList(imageSpec(c, store, rest[2])), c);
  }
  return fail(`rbd: unknown command: ${spec.args.join(' ')}\n`);
}

function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.split('=').slice(1).join('=') : args[i + 1];
}

/** fio's size strings: `4k` = 4096 (fio's kb_base 1024). */
export function fioSize(s: string): number {
  const m = /^(\d+)([kmg]?)i?b?$/i.exec(s.trim());
  if (!m) throw new RangeError(`fio: invalid size ${s}`);
  return Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase());
}

function fio(c: CephCluster, store: RbdImageStore, args: string[], claimImage?: ClaimImage): CephCommandResult {
  const pvc = flag(args, 'pvc');
  if (!pvc || !pvc.includes('/')) return fail('fio: --pvc NAMESPACE/NAME is required\n', 1);
  const [ns, name] = pvc.split('/') as [string, string];
  const image = claimImage?.(ns, name);
  if (!image) return fail(`fio: persistentvolumeclaim ${pvc} is not bound to an RBD image of the Ceph cluster\n`, 1);
  const rw = (flag(args, 'rw') ?? 'randwrite') as 'randwrite' | 'randread';
  if (rw !== 'randwrite' && rw !== 'randread') return fail(`fio: --rw ${rw} is not modelled (randwrite, randread)\n`, 1);
  const job = {
    name: flag(args, 'name') ?? 'test', rw, bs: fioSize(flag(args, 'bs') ?? '4k'), numjobs: Number(flag(args, 'numjobs') ?? 1),
    iodepth: Number(flag(args, 'iodepth') ?? 1), runtimeSec: Number(flag(args, 'runtime') ?? 60), size: flag(args, 'size') ? fioSize(flag(args, 'size')!) : undefined,
  };
  const r = runFio(job, image, c, { store });
  return ok(r.blocked ? `fio: io_u error on file /dev/rbd: Input/output error: write offset=0, buflen=${job.bs}\n` : formatFio(job, r), c);
}
