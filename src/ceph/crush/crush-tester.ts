// The `crushtool --test` report (CrushTester::test in ceph/ceph src/crush/CrushTester.cc), line for
// line: mappings, bad mappings, result-size statistics and per-device utilization.
import { CRUSH_ITEM_NONE, RuleOp, type CrushMap } from './crush-map.js';
import { compileMap } from './compiled-map.js';
import { CrushMapper } from './mapper.js';
import { hash32_2 } from './hash.js';
import { formatFloat6 } from './format-float.js';
import { AsciiWriter } from './ascii-writer.js';

/** The `--test` options of crushtool that the tester honours. */
export interface CrushTestOptions {
  minRule?: number;
  maxRule?: number;
  ruleset?: number;
  /** --num-rep: both ends of the replica range; otherwise the rule's min_size..max_size. */
  numRep?: number;
  minX?: number;
  maxX?: number;
  poolId?: number;
  /** --weight DEV W as given on the command line (a float, 0..1). */
  weights?: ReadonlyMap<number, number>;
  showMappings?: boolean;
  showStatistics?: boolean;
  showBadMappings?: boolean;
  showUtilization?: boolean;
  showUtilizationAll?: boolean;
}

/** Where the report goes: crushtool writes the report to stdout and the weight vector to stderr. */
export interface CrushTestSink {
  out(text: string): void;
  err(text: string): void;
  /** Optional fast path for the report as UTF-8 bytes (whole lines); otherwise `out` gets text. */
  outBytes?(bytes: Uint8Array): void;
}

/** CrushTester::set_device_weight: (int)(float * 0x10000) clamped to 0..0x10000. */
export function deviceWeightFromFloat(f: number): number {
  const w = Math.trunc(Math.fround(Math.fround(f) * 0x10000));
  return w < 0 ? 0 : w > 0x10000 ? 0x10000 : w;
}

/** The reweight vector crushtool tests with: given weights, 1.0 for devices in a bucket, else 0. */
export function testerWeights(map: CrushMap, given?: ReadonlyMap<number, number>): Uint32Array {
  const present = new Set<number>();
  for (const b of map.buckets) for (const it of b.items) if (it >= 0) present.add(it);
  const weight = new Uint32Array(map.maxDevices);
  for (let o = 0; o < map.maxDevices; o++) {
    const g = given?.get(o);
    weight[o] = g !== undefined ? deviceWeightFromFloat(g) : present.has(o) ? 0x10000 : 0;
  }
  return weight;
}

/** get_maximum_affected_by_rule: the most replicas the rule's failure domains can hold. */
export function maximumAffectedByRule(map: CrushMap, ruleId: number): number {
  const rule = map.rules.find((r) => r.id === ruleId);
  const affected: number[] = [];
  const replications = new Map<number, number>();
  for (const s of rule?.steps ?? []) {
    if (s.op >= 2 && s.op !== RuleOp.emit) {
      affected.push(s.arg2);
      replications.set(s.arg2, s.arg1);
    }
  }
  const ofType = new Map<number, number>();
  for (const t of affected) {
    // Ceph counts named items of the type once per step that names it.
    const n = map.buckets.filter((b) => b.typeId === t).length;
    ofType.set(t, (ofType.get(t) ?? 0) + n);
  }
  for (const t of affected) {
    const rep = replications.get(t)!;
    if (rep > 0 && rep < (ofType.get(t) ?? 0)) ofType.set(t, rep);
  }
  const maxBuckets = map.buckets.reduce((m, b) => Math.max(m, -b.id), 0);
  let maxAffected = Math.max(maxBuckets, map.maxDevices);
  for (const t of affected) {
    const n = ofType.get(t) ?? 0;
    if (n > 0 && n < maxAffected) maxAffected = n;
  }
  return maxAffected;
}

function vec(w: AsciiWriter, out: Int32Array, n: number): void {
  w.char(91); // '['
  for (let i = 0; i < n; i++) {
    if (i) w.char(44); // ','
    w.int(out[i]!);
  }
  w.char(93); // ']'
}

const decoder = new TextDecoder();

/** Runs crushtool's --test over a map and writes the report crushtool would print. */
export function runCrushTest(map: CrushMap, opts: CrushTestOptions, sink: CrushTestSink): void {
  const mapper = new CrushMapper(compileMap(map));
  const maxRules = map.rules.reduce((m, r) => Math.max(m, r.id + 1), 0);
  let minRule = opts.minRule ?? -1;
  let maxRule = opts.maxRule ?? -1;
  if (minRule < 0 || maxRule < 0) {
    minRule = 0;
    maxRule = maxRules - 1;
  }
  let minX = opts.minX ?? -1;
  let maxX = opts.maxX ?? -1;
  if (minX < 0 || maxX < 0) {
    minX = 0;
    maxX = 1023;
  }
  const stats = !!(opts.showStatistics || opts.showUtilization || opts.showUtilizationAll);
  const weight = testerWeights(map, opts.weights);
  if (opts.showUtilizationAll) {
    sink.err(`devices weights (hex): [${Array.from(weight, (w) => w.toString(16)).join(',')}]\n`);
  }
  const poolId = opts.poolId ?? -1;
  const w = new AsciiWriter(sink.outBytes ? (b) => sink.outBytes!(b) : (b) => sink.out(decoder.decode(b)));
  const line = (text: string): void => w.str(text).endLine();
  for (let r = minRule; r < maxRules && r <= maxRule; r++) {
    const rule = map.rules.find((x) => x.id === r);
    if (!rule) {
      if (stats) line(`rule ${r} dne`);
      continue;
    }
    if (opts.ruleset !== undefined && opts.ruleset >= 0 && rule.ruleset !== opts.ruleset) continue;
    const minR = opts.numRep ?? rule.minSize;
    const maxR = opts.numRep ?? rule.maxSize;
    if (stats) line(`rule ${r} (${rule.name}), x = ${minX}..${maxX}, numrep = ${minR}..${maxR}`);
    const maxAffected = maximumAffectedByRule(map, r);
    for (let nr = minR; nr <= maxR; nr++) {
      const per = new Int32Array(map.maxDevices);
      // sizes[n] counts results of length n (0..nr), printed in ascending order like crushtool's std::map.
      const sizes = new Float64Array(nr + 1);
      let totalWeight = 0;
      for (let i = 0; i < weight.length; i++) totalWeight = (totalWeight + weight[i]!) | 0;
      if (totalWeight === 0) continue;
      const out = new Int32Array(Math.max(nr, 1));
      const mappingPrefix = new TextEncoder().encode(`CRUSH rule ${r} x `);
      const badPrefix = new TextEncoder().encode(`bad mapping rule ${r} x `);
      const badInfix = new TextEncoder().encode(` num_rep ${nr} result `);
      for (let x = minX; x <= maxX; x++) {
        const realX = poolId !== -1 ? hash32_2(x, poolId) : x;
        const n = mapper.doRule(r, realX, nr, weight, out);
        if (opts.showMappings) {
          w.bytes(mappingPrefix).int(x).char(32);
          vec(w, out, n);
          w.endLine();
        }
        let hasNone = false;
        for (let i = 0; i < n; i++) {
          if (out[i] !== CRUSH_ITEM_NONE) per[out[i]!]!++;
          else hasNone = true;
        }
        sizes[n]!++;
        if (opts.showBadMappings && (n !== nr || hasNone)) {
          w.bytes(badPrefix).int(x).bytes(badInfix);
          vec(w, out, n);
          w.endLine();
        }
      }
      if (!stats) continue;
      for (let size = 0; size <= nr; size++) {
        if (sizes[size]) line(`rule ${r} (${rule.name}) num_rep ${nr} result size == ${size}:\t${sizes[size]}/${maxX - minX + 1}`);
      }
      // crushtool computes the expectation in single precision; Math.fround reproduces each step.
      const expectedObjects = Math.fround(Math.min(nr, maxAffected) * (maxX - minX + 1));
      for (let i = 0; i < per.length; i++) {
        const proportional = Math.fround(Math.fround(weight[i]!) / Math.fround(totalWeight));
        const expected = Math.fround(proportional * expectedObjects);
        if (opts.showUtilization ? expected > 0 && per[i]! > 0 : !!opts.showUtilizationAll) {
          line(`  device ${i}:\t\t stored : ${per[i]}\t expected : ${formatFloat6(expected)}`);
        }
      }
    }
  }
  w.flush();
}
