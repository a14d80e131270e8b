// `ove crush test`: crushtool's --test on a map in JSON-dump or text form, with crushtool's output.
import { readFileSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { parseCrushMap } from '../../ceph/crush/load-map.js';
import { runCrushTest, type CrushTestOptions, type CrushTestSink } from '../../ceph/crush/crush-tester.js';

/** Options of `ove crush test` as commander hands them over. */
export interface CrushTestCliOptions {
  infn: string;
  rule?: string;
  minRule?: string;
  maxRule?: string;
  ruleset?: string;
  numRep?: string;
  minX?: string;
  maxX?: string;
  x?: string;
  poolId?: string;
  weight?: string[];
  showMappings?: boolean;
  showStatistics?: boolean;
  showBadMappings?: boolean;
  showUtilization?: boolean;
  showUtilizationAll?: boolean;
}

function int(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw new TypeError(`Cannot parse option '${name}': not an integer: '${v}'`);
  return Number(v);
}

/** Turns CLI options into tester options (crushtool's rules: --x sets both ends, --rule both rule bounds). */
export function toTestOptions(o: CrushTestCliOptions): CrushTestOptions {
  const rule = int(o.rule, '--rule');
  const x = int(o.x, '--x');
  const pairs = o.weight ?? [];
  if (pairs.length % 2 !== 0) throw new TypeError('Cannot parse option \'--weight\': expects pairs of OSD and weight');
  const weights = new Map<number, number>();
  for (let i = 0; i < pairs.length; i += 2) {
    // crushtool reads the weight with atof(): a malformed number counts as 0.
    const f = Number.parseFloat(pairs[i + 1]!);
    weights.set(int(pairs[i], '--weight')!, Number.isNaN(f) ? 0 : f);
  }
  return {
    minRule: int(o.minRule, '--min-rule') ?? rule,
    maxRule: int(o.maxRule, '--max-rule') ?? rule,
    ruleset: int(o.ruleset, '--ruleset'),
    numRep: int(o.numRep, '--num-rep'),
    minX: int(o.minX, '--min-x') ?? x,
    maxX: int(o.maxX, '--max-x') ?? x,
    poolId: int(o.poolId, '--pool-id'),
    weights,
    showMappings: o.showMappings,
    showStatistics: o.showStatistics,
    showBadMappings: o.showBadMappings,
    showUtilization: o.showUtilization,
    showUtilizationAll: o.showUtilizationAll,
  };
}

/** Runs `ove crush test` with the given options, writing to sink (stdout and stderr by default). */
export function crushTest(o: CrushTestCliOptions, sink: CrushTestSink = stdSink): void {
  const opts = toTestOptions(o);
  if (!opts.showMappings && !opts.showStatistics && !opts.showBadMappings && !opts.showUtilization && !opts.showUtilizationAll) {
    sink.err('WARNING: no output selected; use --output-csv or --show-X\n');
  }
  runCrushTest(parseCrushMap(readFileSync(o.infn, 'utf8')), opts, sink);
}

const stdSink: CrushTestSink = {
  out: (t) => writeAll(1, Buffer.from(t)),
  err: (t) => writeAll(2, Buffer.from(t)),
  outBytes: (b) => writeAll(1, b),
};

function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      // A non-blocking pipe may be momentarily full; retry until the reader catches up.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

/** Registers `ove crush test` on the program. */
export function registerCrushCommands(program: Command): void {
  const crush = program.command('crush').description('CRUSH placement tools (bit-exact with Ceph\'s crushtool)');
  crush
    .command('test')
    .description('map a range of inputs through a CRUSH rule, as `crushtool -i MAP --test` does')
    .requiredOption('-i, --infn <map>', 'CRUSH map: `crushtool --dump -f json` output or decompiled text')
    .option('--rule <r>', 'only this rule')
    .option('--min-rule <r>', 'first rule')
    .option('--max-rule <r>', 'last rule')
    .option('--ruleset <rs>', 'only rules of this ruleset')
    .option('--num-rep <n>', 'replica count (default: each of the rule\'s min_size..max_size)')
    .option('--min-x <x>', 'first input')
    .option('--max-x <x>', 'last input')
    .option('--x <x>', 'a single input')
    .option('--pool-id <p>', 'hash each x with the pool id, as OSDMap does for a PG')
    .option('-w, --weight <osd-and-weight...>', 'reweight an OSD (0..1), repeatable: --weight 3 0 --weight 4 0.5')
    .option('--show-mappings', 'print each mapping')
    .option('--show-statistics', 'print result-size statistics')
    .option('--show-bad-mappings', 'print mappings with fewer devices than asked')
    .option('--show-utilization', 'print per-device counts')
    .option('--show-utilization-all', 'print per-device counts, zero-weight devices included')
    .action((o: CrushTestCliOptions) => crushTest(o));
}
