// Reads the JSON that `crushtool -i MAP --dump -f json` prints (CrushWrapper::dump in ceph/ceph
// src/crush/CrushWrapper.cc): devices, types, buckets (shadow buckets of device classes included),
// rules with named or numeric steps, tunables.
import { bucketAlgId, RuleOp, type CrushBucket, type CrushMap, type CrushRule, type CrushRuleStep, type CrushTunables } from './crush-map.js';

type Json = Record<string, unknown>;

const NAMED_OPS: Record<string, number> = {
  noop: RuleOp.noop,
  take: RuleOp.take,
  emit: RuleOp.emit,
  choose_firstn: RuleOp.chooseFirstn,
  choose_indep: RuleOp.chooseIndep,
  chooseleaf_firstn: RuleOp.chooseleafFirstn,
  chooseleaf_indep: RuleOp.chooseleafIndep,
  set_choose_tries: RuleOp.setChooseTries,
  set_chooseleaf_tries: RuleOp.setChooseleafTries,
};

function num(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`Cannot parse CRUSH JSON: ${what} is not a number: ${JSON.stringify(v)}`);
  return v;
}

function parseStep(s: Json, typeIds: Map<string, number>, ruleName: string): CrushRuleStep {
  if (typeof s.opcode === 'number') return { op: s.opcode, arg1: num(s.arg1, 'step arg1'), arg2: num(s.arg2, 'step arg2') };
  const op = NAMED_OPS[String(s.op)];
  if (op === undefined) throw new TypeError(`Cannot parse CRUSH JSON: rule '${ruleName}' has unknown step op '${String(s.op)}'`);
  if (op === RuleOp.take) return { op, arg1: num(s.item, 'take item'), arg2: 0 };
  if (op === RuleOp.setChooseTries || op === RuleOp.setChooseleafTries) return { op, arg1: num(s.num, 'step num'), arg2: 0 };
  if (op === RuleOp.emit || op === RuleOp.noop) return { op, arg1: 0, arg2: 0 };
  const type = typeIds.get(String(s.type));
  if (type === undefined) throw new TypeError(`Cannot parse CRUSH JSON: rule '${ruleName}' uses unknown type '${String(s.type)}'`);
  return { op, arg1: num(s.num, 'step num'), arg2: type };
}

function parseTunables(t: Json): CrushTunables {
  return {
    chooseLocalTries: num(t.choose_local_tries, 'choose_local_tries'),
    chooseLocalFallbackTries: num(t.choose_local_fallback_tries, 'choose_local_fallback_tries'),
    chooseTotalTries: num(t.choose_total_tries, 'choose_total_tries'),
    chooseleafDescendOnce: num(t.chooseleaf_descend_once, 'chooseleaf_descend_once'),
    chooseleafVaryR: num(t.chooseleaf_vary_r ?? 0, 'chooseleaf_vary_r'),
    chooseleafStable: num(t.chooseleaf_stable ?? 0, 'chooseleaf_stable'),
    strawCalcVersion: num(t.straw_calc_version ?? 0, 'straw_calc_version'),
    allowedBucketAlgs: num(t.allowed_bucket_algs ?? 22, 'allowed_bucket_algs'),
  };
}

/** Parses crushtool's JSON dump of a map. Weight-sets (`choose_args`) are refused, not ignored. */
export function parseCrushJson(text: string): CrushMap {
  const d = JSON.parse(text) as Json;
  const choose = d.choose_args as Json | undefined;
  if (choose && Object.keys(choose).length > 0) {
    throw new TypeError('Cannot parse CRUSH JSON: choose_args (weight-sets) are not supported');
  }
  const devices = ((d.devices as Json[]) ?? []).map((x) => ({
    id: num(x.id, 'device id'),
    name: String(x.name),
    ...(x.class !== undefined ? { deviceClass: String(x.class) } : {}),
  }));
  const types = ((d.types as Json[]) ?? []).map((x) => ({ id: num(x.type_id, 'type_id'), name: String(x.name) }));
  const typeIds = new Map(types.map((t) => [t.name, t.id]));
  let maxDevices = devices.reduce((m, x) => Math.max(m, x.id + 1), 0);
  const buckets: CrushBucket[] = ((d.buckets as Json[]) ?? []).map((b) => {
    const items = [...((b.items as Json[]) ?? [])].sort((p, q) => num(p.pos, 'pos') - num(q.pos, 'pos'));
    for (const it of items) if (num(it.id, 'item id') >= 0) maxDevices = Math.max(maxDevices, (it.id as number) + 1);
    return {
      id: num(b.id, 'bucket id'),
      name: String(b.name),
      typeId: num(b.type_id, 'type_id'),
      alg: bucketAlgId(String(b.alg)),
      hash: b.hash === 'rjenkins1' ? 0 : Number(b.hash),
      items: items.map((it) => it.id as number),
      weights: items.map((it) => num(it.weight, 'item weight') >>> 0),
    };
  });
  const rules: CrushRule[] = ((d.rules as Json[]) ?? []).map((r) => {
    const name = String(r.rule_name);
    return {
      id: num(r.rule_id, 'rule_id'),
      name,
      ruleset: num(r.ruleset ?? r.rule_id, 'ruleset'),
      type: num(r.type, 'rule type'),
      minSize: num(r.min_size ?? 1, 'min_size'),
      maxSize: num(r.max_size ?? 10, 'max_size'),
      steps: ((r.steps as Json[]) ?? []).map((s) => parseStep(s, typeIds, name)),
    };
  });
  return { devices, types, buckets, rules, tunables: parseTunables((d.tunables as Json) ?? {}), maxDevices };
}
