// The CRUSH map as data: the shape `crushtool -i MAP --dump -f json` and the decompiled text describe.
// Ids, op codes and algorithm numbers are Ceph's (ceph/ceph src/crush/crush.h).

/** Bucket algorithm ids (`enum crush_algorithm`). */
export const BucketAlg = { uniform: 1, list: 2, tree: 3, straw: 4, straw2: 5 } as const;

/** Rule step op codes (`enum crush_opcodes`). */
export const RuleOp = {
  noop: 0,
  take: 1,
  chooseFirstn: 2,
  chooseIndep: 3,
  emit: 4,
  chooseleafFirstn: 6,
  chooseleafIndep: 7,
  setChooseTries: 8,
  setChooseleafTries: 9,
  setChooseLocalTries: 10,
  setChooseLocalFallbackTries: 11,
  setChooseleafVaryR: 12,
  setChooseleafStable: 13,
} as const;

/** CRUSH_ITEM_NONE: an indep slot that could not be filled. */
export const CRUSH_ITEM_NONE = 0x7fffffff;

/** CRUSH_ITEM_UNDEF: an indep slot not yet decided. */
export const CRUSH_ITEM_UNDEF = 0x7ffffffe;

/** Weight 1.0 in CRUSH's 16.16 fixed point. */
export const WEIGHT_ONE = 0x10000;

/** The tunables a map carries (names as in the JSON dump). */
export interface CrushTunables {
  chooseLocalTries: number;
  chooseLocalFallbackTries: number;
  chooseTotalTries: number;
  chooseleafDescendOnce: number;
  chooseleafVaryR: number;
  chooseleafStable: number;
  strawCalcVersion: number;
  allowedBucketAlgs: number;
}

/** A device (OSD) of the map. */
export interface CrushDevice {
  id: number;
  name: string;
  deviceClass?: string;
}

/** A bucket: items in position order with their 16.16 weights (u32). */
export interface CrushBucket {
  id: number;
  name: string;
  typeId: number;
  alg: number;
  hash: number;
  items: number[];
  weights: number[];
}

/** One rule step as Ceph stores it: op, arg1, arg2. */
export interface CrushRuleStep {
  op: number;
  arg1: number;
  arg2: number;
}

/** A rule with its mask (ruleset, type, min_size, max_size) and steps. */
export interface CrushRule {
  id: number;
  name: string;
  ruleset: number;
  type: number;
  minSize: number;
  maxSize: number;
  steps: CrushRuleStep[];
}

/** A whole CRUSH map as parsed from crushtool's JSON dump or text form. */
export interface CrushMap {
  devices: CrushDevice[];
  types: { id: number; name: string }[];
  buckets: CrushBucket[];
  rules: CrushRule[];
  tunables: CrushTunables;
  /** crush_map.max_devices: one past the highest device id. */
  maxDevices: number;
}

/** Returns the algorithm id for a name such as "straw2", or throws. */
export function bucketAlgId(name: string): number {
  const id = (BucketAlg as Record<string, number>)[name];
  if (id === undefined) throw new TypeError(`Cannot parse bucket alg: unknown algorithm '${name}'`);
  return id;
}
