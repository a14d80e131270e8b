// Reads crushtool's text form (what `crushtool -d` prints and `crushtool -c` compiles), with the
// compiler's semantics (ceph/ceph src/crush/CrushCompiler.cc): tunables default to the legacy
// profile, a weight is float(text) * 0x10000 truncated, an item without weight gets 1.0 (device)
// or its bucket's total, unnumbered buckets take the highest free id, and device classes get
// their shadow trees.
import { bucketAlgId, RuleOp, type CrushBucket, type CrushMap, type CrushRule, type CrushRuleStep, type CrushTunables } from './crush-map.js';
import { tunablesProfile } from './tunables.js';
import { addShadowTrees } from './device-classes.js';

const TUNABLE_KEYS: Record<string, keyof CrushTunables> = {
  choose_local_tries: 'chooseLocalTries',
  choose_local_fallback_tries: 'chooseLocalFallbackTries',
  choose_total_tries: 'chooseTotalTries',
  chooseleaf_descend_once: 'chooseleafDescendOnce',
  chooseleaf_vary_r: 'chooseleafVaryR',
  chooseleaf_stable: 'chooseleafStable',
  straw_calc_version: 'strawCalcVersion',
  allowed_bucket_algs: 'allowedBucketAlgs',
};

const SET_STEPS: Record<string, number> = {
  set_choose_tries: RuleOp.setChooseTries,
  set_chooseleaf_tries: RuleOp.setChooseleafTries,
  set_choose_local_tries: RuleOp.setChooseLocalTries,
  set_choose_local_fallback_tries: RuleOp.setChooseLocalFallbackTries,
  set_chooseleaf_vary_r: RuleOp.setChooseleafVaryR,
  set_chooseleaf_stable: RuleOp.setChooseleafStable,
};

function tokenize(text: string): string[] {
  return text.replace(/#[^\n]*/g, ' ').replace(/([{}[\]])/g, ' $1 ').split(/\s+/).filter(Boolean);
}

/** float_node(...) * (float)0x10000 stored in an unsigned: single precision, truncated. */
function textWeight(s: string): number {
  return Math.trunc(Math.fround(Math.fround(Number.parseFloat(s)) * 0x10000)) >>> 0;
}

/** Parses a decompiled CRUSH map. Weight-sets (`choose_args`) are refused, not ignored. */
export function parseCrushText(text: string): CrushMap {
  const tok = tokenize(text);
  let p = 0;
  const fail = (msg: string): never => {
    throw new SyntaxError(`Cannot parse CRUSH text near token ${p} ('${tok[p - 1] ?? ''}'): ${msg}`);
  };
  const next = (): string => (p < tok.length ? tok[p++]! : fail('unexpected end of input'));
  const int = (): number => {
    const t = next();
    if (!/^-?\d+$/.test(t)) fail(`expected an integer, got '${t}'`);
    return Number(t);
  };
  const tunables = tunablesProfile('legacy');
  const devices: CrushMap['devices'] = [];
  const types: CrushMap['types'] = [];
  const typeIds = new Map<string, number>();
  const itemIds = new Map<string, number>();
  const itemWeight = new Map<number, number>();
  const buckets: CrushBucket[] = [];
  const classIds = new Map<number, Map<string, number>>();
  const rules: CrushRule[] = [];
  // The compiler reserves every explicit bucket id before assigning missing ones.
  const usedIds = new Set<number>();
  for (let i = 0; i + 1 < tok.length; i++) if (tok[i] === 'id' && /^-\d+$/.test(tok[i + 1]!)) usedIds.add(Number(tok[i + 1]));
  while (p < tok.length) {
    const t = next();
    if (t === 'tunable') {
      const key = TUNABLE_KEYS[next()] ?? fail('unknown tunable');
      tunables[key] = int();
    } else if (t === 'device') {
      const id = int();
      const name = next();
      let deviceClass: string | undefined;
      if (tok[p] === 'class') {
        p++;
        deviceClass = next();
      }
      devices.push({ id, name, ...(deviceClass ? { deviceClass } : {}) });
      itemIds.set(name, id);
    } else if (t === 'type') {
      const id = int();
      const name = next();
      types.push({ id, name });
      typeIds.set(name, id);
    } else if (t === 'rule') {
      let name = next();
      if (name === '{') name = '';
      else if (next() !== '{') fail('expected {');
      const rule: CrushRule = { id: -1, name, ruleset: -1, type: 1, minSize: 1, maxSize: 10, steps: [] };
      while (tok[p] !== '}') {
        const key = next();
        if (key === 'id' || key === 'ruleset') rule.id = rule.ruleset = int();
        else if (key === 'type') {
          const ty = next();
          rule.type = ty === 'replicated' ? 1 : ty === 'erasure' ? 3 : fail(`unknown rule type '${ty}'`);
        } else if (key === 'min_size') rule.minSize = int();
        else if (key === 'max_size') rule.maxSize = int();
        else if (key === 'step') rule.steps.push(parseStep());
        else fail(`unknown rule field '${key}'`);
      }
      p++;
      rules.push(rule);
    } else if (t === 'choose_args') {
      fail('choose_args (weight-sets) are not supported');
    } else if (typeIds.has(t)) {
      buckets.push(parseBucket(typeIds.get(t)!));
    } else {
      fail(`unexpected '${t}'`);
    }
  }

  function parseStep(): CrushRuleStep {
    const s = next();
    if (s === 'take') {
      const name = next();
      let id = itemIds.get(name) ?? fail(`item '${name}' not defined`);
      if (tok[p] === 'class') {
        p++;
        const cls = next();
        id = classIds.get(id)?.get(cls) ?? fail(`step take ${name} has no bucket for class ${cls}`);
      }
      return { op: RuleOp.take, arg1: id, arg2: 0 };
    }
    if (s === 'emit') return { op: RuleOp.emit, arg1: 0, arg2: 0 };
    if (SET_STEPS[s] !== undefined) return { op: SET_STEPS[s]!, arg1: int(), arg2: 0 };
    if (s === 'choose' || s === 'chooseleaf') {
      const mode = next();
      const n = int();
      if (next() !== 'type') fail('expected type');
      const type = typeIds.get(next()) ?? fail('unknown type');
      const leaf = s === 'chooseleaf';
      if (mode === 'firstn') return { op: leaf ? RuleOp.chooseleafFirstn : RuleOp.chooseFirstn, arg1: n, arg2: type };
      if (mode === 'indep') return { op: leaf ? RuleOp.chooseleafIndep : RuleOp.chooseIndep, arg1: n, arg2: type };
      fail(`unknown choose mode '${mode}'`);
    }
    return fail(`unknown step '${s}'`);
  }

  function parseBucket(typeId: number): CrushBucket {
    const name = next();
    if (next() !== '{') fail('expected {');
    let id = 0;
    let alg = -1;
    let hash = 0;
    const entries: { item: number; weight: number; pos: number }[] = [];
    const classes = new Map<string, number>();
    while (tok[p] !== '}') {
      const key = next();
      if (key === 'id') {
        const v = int();
        if (tok[p] === 'class') {
          p++;
          classes.set(next(), v);
        } else id = v;
      } else if (key === 'alg') alg = bucketAlgId(next());
      else if (key === 'hash') {
        const h = next();
        hash = h === 'rjenkins1' ? 0 : Number(h);
      } else if (key === 'item') {
        const iname = next();
        const item = itemIds.get(iname) ?? fail(`item '${iname}' in bucket '${name}' is not defined`);
        let weight = itemWeight.get(item) ?? 0x10000;
        let pos = -1;
        while (tok[p] === 'weight' || tok[p] === 'pos') {
          if (next() === 'weight') weight = textWeight(next());
          else pos = int();
        }
        entries.push({ item, weight, pos });
      } else fail(`unknown bucket field '${key}'`);
    }
    p++;
    if (alg < 0) fail(`bucket '${name}' has no alg`);
    const used = new Set(entries.filter((e) => e.pos >= 0).map((e) => e.pos));
    const size = Math.max(entries.length, ...used);
    const items = new Array<number>(size).fill(0);
    const weights = new Array<number>(size).fill(0);
    let cur = 0;
    for (const e of entries) {
      let pos = e.pos;
      if (pos < 0) {
        while (used.has(cur)) cur++;
        pos = cur++;
      }
      items[pos] = e.item;
      weights[pos] = e.weight;
    }
    if (id === 0) {
      for (id = -1; usedIds.has(id); id--);
    }
    usedIds.add(id);
    itemIds.set(name, id);
    itemWeight.set(id, weights.reduce((a, w) => (a + w) >>> 0, 0));
    if (classes.size) classIds.set(id, classes);
    return { id, name, typeId, alg, hash, items, weights };
  }

  const maxDevices = devices.reduce((m, d) => Math.max(m, d.id + 1), 0);
  const map: CrushMap = { devices, types, buckets, rules, tunables, maxDevices };
  return addShadowTrees(map, classIds);
}
