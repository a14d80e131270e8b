// Device-class shadow trees as CrushWrapper::populate_classes / device_class_clone build them
// (ceph/ceph src/crush/CrushWrapper.cc): for every non-shadow root and every class, a copy of the
// hierarchy named "bucket~class" that keeps only devices of that class, with the same algorithm,
// and child buckets weighted by their copy's total. A rule's `take X class C` starts there.
import type { CrushBucket, CrushMap } from './crush-map.js';

/**
 * Adds the shadow buckets a compiled text map would carry. `classIds` holds the ids the text
 * assigned ("id -10 class ssd"); missing ones take the highest free id as Ceph does.
 */
export function addShadowTrees(map: CrushMap, classIds: Map<number, Map<string, number>>): CrushMap {
  const classes: string[] = [];
  const addClass = (c: string): void => {
    if (!classes.includes(c)) classes.push(c);
  };
  for (const d of map.devices) if (d.deviceClass) addClass(d.deviceClass);
  for (const m of classIds.values()) for (const c of m.keys()) addClass(c);
  if (classes.length === 0) return map;
  const deviceClass = new Map(map.devices.map((d) => [d.id, d.deviceClass]));
  const buckets = [...map.buckets];
  const byId = new Map(buckets.map((b) => [b.id, b]));
  const byName = new Map(buckets.map((b) => [b.name, b]));
  const reserved = new Set<number>();
  for (const m of classIds.values()) for (const id of m.values()) reserved.add(id);
  const referenced = new Set<number>();
  for (const b of buckets) for (const it of b.items) referenced.add(it);
  const roots = buckets.filter((b) => !referenced.has(b.id) && !b.name.includes('~')).map((b) => b.id).sort((a, b) => a - b);

  const clone = (originalId: number, cls: string): CrushBucket => {
    const original = byId.get(originalId)!;
    const existing = byName.get(`${original.name}~${cls}`);
    if (existing) return existing;
    const items: number[] = [];
    const weights: number[] = [];
    original.items.forEach((item, i) => {
      if (item >= 0) {
        if (deviceClass.get(item) !== cls) return;
        items.push(item);
        weights.push(original.weights[i]!);
      } else {
        const child = clone(item, cls);
        items.push(child.id);
        weights.push(child.weights.reduce((a, w) => (a + w) >>> 0, 0));
      }
    });
    let id = classIds.get(originalId)?.get(cls);
    if (id === undefined) {
      for (id = -1; byId.has(id) || reserved.has(id); id--);
    }
    const copy: CrushBucket = { id, name: `${original.name}~${cls}`, typeId: original.typeId, alg: original.alg, hash: original.hash, items, weights };
    buckets.push(copy);
    byId.set(id, copy);
    byName.set(copy.name, copy);
    return copy;
  };
  for (const root of roots) for (const cls of classes) clone(root, cls);
  return { ...map, buckets };
}
