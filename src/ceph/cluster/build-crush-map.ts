// The CRUSH map Rook/ODF ends up with: root default -> racks -> hosts -> osds, straw2 buckets,
// optimal (jewel) tunables, one rule per pool (ceph/ceph src/crush/CrushWrapper.cc add_simple_rule).
import { BucketAlg, RuleOp, type CrushBucket, type CrushMap, type CrushRule } from '../crush/crush-map.js';
import { tunablesProfile } from '../crush/tunables.js';
import { crushWeightForSize } from './crush-weight.js';
import type { HostSpec } from './topology.js';

/** Ceph's default bucket types (CrushWrapper::create(), `osd crush dump` types). */
export const CRUSH_TYPES = ['osd', 'host', 'chassis', 'rack', 'row', 'pdu', 'pod', 'room', 'datacenter', 'zone', 'region', 'root'];

/** A pool's rule: replicated firstn or erasure indep, over a failure-domain type. */
export interface RuleSpec {
  name: string;
  kind: 'replicated' | 'erasure';
  failureDomain: 'osd' | 'host' | 'rack';
  /** Rule max_size (erasure rules carry k+m). */
  maxSize?: number;
}

/**
 * Builds the CRUSH map; `weights` overrides an OSD's 16.16 CRUSH weight (default: its size in TiB).
 * `ids` keeps bucket ids stable across rebuilds (as Ceph keeps them when hosts are added): known
 * names keep their id, new buckets take the next free one, and the map is updated.
 */
export function buildCrushMap(hosts: HostSpec[], rules: RuleSpec[], weights: ReadonlyMap<number, number> = new Map(), ids = new Map<string, number>()): CrushMap {
  const typeId = (name: string): number => CRUSH_TYPES.indexOf(name);
  const buckets: CrushBucket[] = [];
  const bucket = (id: number, name: string, type: string, items: number[], w: number[]): CrushBucket => {
    const b: CrushBucket = { id, name, typeId: typeId(type), alg: BucketAlg.straw2, hash: 0, items, weights: w };
    buckets.push(b);
    return b;
  };
  const sum = (w: number[]): number => w.reduce((a, b) => (a + b) >>> 0, 0);
  if (!ids.has('default')) ids.set('default', -1);
  const idFor = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      id = Math.min(-1, ...ids.values()) - 1;
      ids.set(name, id);
    }
    return id;
  };
  const rackNames = [...new Set(hosts.map((h) => h.rack))];
  const root = bucket(idFor('default'), 'default', 'root', [], []);
  for (const rackName of rackNames) {
    const rack = bucket(idFor(rackName), rackName, 'rack', [], []);
    for (const h of hosts.filter((x) => x.rack === rackName)) {
      const ids = h.osds.map((o) => o.id);
      const hb = bucket(idFor(h.name), h.name, 'host', ids, h.osds.map((o) => weights.get(o.id) ?? crushWeightForSize(o.sizeBytes)));
      rack.items.push(hb.id);
      rack.weights.push(sum(hb.weights));
    }
    root.items.push(rack.id);
    root.weights.push(sum(rack.weights));
  }
  const devices = hosts.flatMap((h) => h.osds).map((o) => ({ id: o.id, name: `osd.${o.id}`, deviceClass: o.deviceClass }));
  const maxDevices = devices.reduce((m, d) => Math.max(m, d.id + 1), 0);
  return {
    devices: devices.sort((a, b) => a.id - b.id),
    types: CRUSH_TYPES.map((name, id) => ({ id, name })),
    buckets,
    rules: rules.map((r, i) => ruleFor(r, i, typeId(r.failureDomain))),
    tunables: tunablesProfile('optimal'),
    maxDevices,
  };
}

function ruleFor(r: RuleSpec, id: number, fdType: number): CrushRule {
  const step = (op: number, arg1 = 0, arg2 = 0) => ({ op, arg1, arg2 });
  if (r.kind === 'replicated') {
    const leaf = fdType === 0 ? step(RuleOp.chooseFirstn, 0, 0) : step(RuleOp.chooseleafFirstn, 0, fdType);
    return { id, name: r.name, ruleset: id, type: 1, minSize: 1, maxSize: 10, steps: [step(RuleOp.take, -1), leaf, step(RuleOp.emit)] };
  }
  // ErasureCode::create_rule: set_chooseleaf_tries 5, set_choose_tries 100, take, chooseleaf indep 0 type fd.
  const leaf = fdType === 0 ? step(RuleOp.chooseIndep, 0, 0) : step(RuleOp.chooseleafIndep, 0, fdType);
  return {
    id, name: r.name, ruleset: id, type: 3, minSize: 3, maxSize: r.maxSize ?? 20,
    steps: [step(RuleOp.setChooseleafTries, 5), step(RuleOp.setChooseTries, 100), step(RuleOp.take, -1), leaf, step(RuleOp.emit)],
  };
}
