// crush_do_rule and its two choosers, written from the algorithm Ceph documents in
// ceph/ceph src/crush/mapper.c (firstn for replicated pools, indep for erasure-coded ones).
// The mapper owns its workspace, so a mapping allocates nothing.
import { BucketAlg, CRUSH_ITEM_NONE, CRUSH_ITEM_UNDEF, RuleOp } from './crush-map.js';
import type { CompiledMap } from './compiled-map.js';
import { hash32_2Low16 } from './hash.js';
import { straw2Choose } from './straw2.js';
import { listChoose, newPermWorkspace, permChoose, resetPermWorkspace, strawChoose, treeChoose, type PermWorkspace } from './legacy-choose.js';

// Module-local bindings: some loaders (tsx) turn imported bindings into getters, which would sit in the hot loop.
const h2 = hash32_2Low16;
const straw2 = straw2Choose;
const OP = RuleOp;
const ALG = BucketAlg;
const STRAW2 = BucketAlg.straw2;
const UNIFORM = BucketAlg.uniform;
const NONE = CRUSH_ITEM_NONE;
const UNDEF = CRUSH_ITEM_UNDEF;

/** Maps inputs x to devices with one CRUSH map; reuse one instance for many mappings. */
export class CrushMapper {
  readonly map: CompiledMap;
  private readonly alg: Int32Array;
  private readonly type: Int32Array;
  private readonly size: Int32Array;
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  private readonly itemWeights: Uint32Array;
  private readonly maxDevices: number;
  private readonly maxBuckets: number;
  private readonly perm: PermWorkspace;
  private usesPerm = false;
  private wA = new Int32Array(16);
  private wB = new Int32Array(16);
  private wC = new Int32Array(16);
  private weight: Uint32Array = new Uint32Array(0);

  constructor(map: CompiledMap) {
    this.map = map;
    this.alg = map.alg;
    this.type = map.type;
    this.size = map.size;
    this.start = map.start;
    this.items = map.items;
    this.itemWeights = map.itemWeights;
    this.maxDevices = map.maxDevices;
    this.maxBuckets = map.maxBuckets;
    this.perm = newPermWorkspace(map);
  }

  /**
   * crush_do_rule: writes up to resultMax devices for input x into result and returns how many.
   * `weight` is the per-device reweight vector (0..0x10000); devices past its end count as out.
   */
  doRule(ruleId: number, x: number, resultMax: number, weight: Uint32Array, result: Int32Array): number {
    const rule = this.map.rules[ruleId];
    if (!rule || resultMax <= 0) return 0;
    x |= 0;
    this.weight = weight;
    if (this.usesPerm) resetPermWorkspace(this.perm);
    if (this.wA.length < resultMax) {
      this.wA = new Int32Array(resultMax);
      this.wB = new Int32Array(resultMax);
      this.wC = new Int32Array(resultMax);
    }
    const t = this.map.tunables;
    let w = this.wA;
    let o = this.wB;
    const c = this.wC;
    let wsize = 0;
    let resultLen = 0;
    // choose_total_tries counts retries, so one more try than its value.
    let chooseTries = t.chooseTotalTries + 1;
    let leafTries = 0;
    let localRetries = t.chooseLocalTries;
    let fallbackRetries = t.chooseLocalFallbackTries;
    let varyR = t.chooseleafVaryR;
    let stable = t.chooseleafStable;
    const { ops, arg1, arg2 } = rule;
    for (let step = 0; step < ops.length; step++) {
      const op = ops[step]!;
      const a1 = arg1[step]!;
      switch (op) {
        case OP.take:
          if ((a1 >= 0 && a1 < this.maxDevices) || (a1 < 0 && -1 - a1 < this.maxBuckets && this.alg[-1 - a1] !== 0)) {
            w[0] = a1;
            wsize = 1;
          }
          break;
        case OP.setChooseTries:
          if (a1 > 0) chooseTries = a1;
          break;
        case OP.setChooseleafTries:
          if (a1 > 0) leafTries = a1;
          break;
        case OP.setChooseLocalTries:
          if (a1 >= 0) localRetries = a1;
          break;
        case OP.setChooseLocalFallbackTries:
          if (a1 >= 0) fallbackRetries = a1;
          break;
        case OP.setChooseleafVaryR:
          if (a1 >= 0) varyR = a1;
          break;
        case OP.setChooseleafStable:
          if (a1 >= 0) stable = a1;
          break;
        case OP.chooseFirstn:
        case OP.chooseleafFirstn:
        case OP.chooseIndep:
        case OP.chooseleafIndep: {
          if (wsize === 0) break;
          const firstn = op === OP.chooseFirstn || op === OP.chooseleafFirstn;
          const leaf = op === OP.chooseleafFirstn || op === OP.chooseleafIndep;
          const type = arg2[step]!;
          let osize = 0;
          for (let i = 0; i < wsize; i++) {
            let numrep = a1;
            if (numrep <= 0) {
              numrep += resultMax;
              if (numrep <= 0) continue;
            }
            const bno = -1 - w[i]!;
            if (bno < 0 || bno >= this.maxBuckets || this.alg[bno] === 0) continue;
            if (firstn) {
              const recurseTries = leafTries ? leafTries : t.chooseleafDescendOnce ? 1 : chooseTries;
              osize += this.firstn(bno, x, numrep, type, o, osize, 0, resultMax - osize, chooseTries, recurseTries,
                localRetries, fallbackRetries, leaf, varyR, stable, c, osize, 0);
            } else {
              const outSize = numrep < resultMax - osize ? numrep : resultMax - osize;
              this.indep(bno, x, outSize, numrep, type, o, osize, 0, chooseTries, leafTries ? leafTries : 1, leaf, c, osize, 0);
              osize += outSize;
            }
          }
          if (leaf) for (let i = 0; i < osize; i++) o[i] = c[i]!;
          const tmp = o;
          o = w;
          w = tmp;
          wsize = osize;
          break;
        }
        case OP.emit:
          for (let i = 0; i < wsize && resultLen < resultMax; i++) result[resultLen++] = w[i]!;
          wsize = 0;
          break;
        default:
          break;
      }
    }
    return resultLen;
  }

  /** crush_bucket_choose for bucket index b. */
  private bucketChoose(b: number, x: number, r: number): number {
    const alg = this.alg[b]!;
    if (alg === STRAW2) return straw2(this.items, this.itemWeights, this.start[b]!, this.start[b]! + this.size[b]!, x, r);
    switch (alg) {
      case ALG.uniform:
        this.usesPerm = true;
        return permChoose(this.map, this.perm, b, x, r);
      case ALG.list:
        return listChoose(this.map, b, x, r);
      case ALG.tree:
        return treeChoose(this.map, b, x, r);
      case ALG.straw:
        return strawChoose(this.map, b, x, r);
      default:
        return this.items[this.start[b]!]!;
    }
  }

  /** is_out: whether device `item` is rejected for input x by its reweight. */
  private isOut(item: number, x: number): boolean {
    const weight = this.weight;
    if (item >= weight.length) return true;
    const w = weight[item]!;
    if (w >= 0x10000) return false;
    if (w === 0) return true;
    return h2(x, item) >= w;
  }

  /** Type of an item: 0 for devices, the bucket's type, or -1 for a bucket that does not exist. */
  private itemType(item: number): number {
    if (item >= 0) return 0;
    const b = -1 - item;
    return b < this.maxBuckets && this.alg[b] !== 0 ? this.type[b]! : -1;
  }

  /** crush_choose_firstn: returns the new outpos; results are compact (failed reps leave no hole). */
  private firstn(
    bucket: number, x: number, numrep: number, type: number, out: Int32Array, outOff: number, outpos: number,
    outSize: number, tries: number, recurseTries: number, localRetries: number, fallbackRetries: number,
    recurseToLeaf: boolean, varyR: number, stable: number, out2: Int32Array, out2Off: number, parentR: number,
  ): number {
    let count = outSize;
    for (let rep = stable ? 0 : outpos; rep < numrep && count > 0; rep++) {
      let ftotal = 0;
      let skipRep = false;
      let item = 0;
      let retryDescent: boolean;
      do {
        retryDescent = false;
        let inb = bucket;
        let flocal = 0;
        let retryBucket: boolean;
        do {
          retryBucket = false;
          let collide = false;
          let reject = false;
          const r = rep + parentR + ftotal;
          const inSize = this.size[inb]!;
          if (inSize === 0) {
            reject = true;
          } else {
            item = fallbackRetries > 0 && flocal >= inSize >> 1 && flocal > fallbackRetries
              ? this.permFallback(inb, x, r)
              : this.bucketChoose(inb, x, r);
            if (item >= this.maxDevices) {
              skipRep = true;
              break;
            }
            const itemType = this.itemType(item);
            if (itemType !== type) {
              if (item >= 0 || itemType < 0) {
                skipRep = true;
                break;
              }
              inb = -1 - item;
              retryBucket = true;
              continue;
            }
            for (let i = 0; i < outpos; i++) {
              if (out[outOff + i] === item) {
                collide = true;
                break;
              }
            }
            if (!collide && recurseToLeaf) {
              if (item < 0) {
                const subR = varyR ? r >> (varyR - 1) : 0;
                const got = this.firstn(-1 - item, x, stable ? 1 : outpos + 1, 0, out2, out2Off, outpos, count,
                  recurseTries, 0, localRetries, fallbackRetries, false, varyR, stable, out2, out2Off, subR);
                if (got <= outpos) reject = true;
              } else {
                out2[out2Off + outpos] = item;
              }
            }
            if (!reject && !collide && itemType === 0) reject = this.isOut(item, x);
          }
          if (reject || collide) {
            ftotal++;
            flocal++;
            if (collide && flocal <= localRetries) retryBucket = true;
            else if (fallbackRetries > 0 && flocal <= inSize + fallbackRetries) retryBucket = true;
            else if (ftotal < tries) retryDescent = true;
            else skipRep = true;
          }
        } while (retryBucket);
      } while (retryDescent);
      if (skipRep) continue;
      out[outOff + outpos] = item;
      outpos++;
      count--;
    }
    return outpos;
  }

  /** The local fallback search uses the uniform permutation whatever the bucket's algorithm. */
  private permFallback(b: number, x: number, r: number): number {
    this.usesPerm = true;
    return permChoose(this.map, this.perm, b, x, r);
  }

  /** crush_choose_indep: positional; a slot that cannot be filled is CRUSH_ITEM_NONE. */
  private indep(
    bucket: number, x: number, left: number, numrep: number, type: number, out: Int32Array, outOff: number,
    outpos: number, tries: number, recurseTries: number, recurseToLeaf: boolean, out2: Int32Array, out2Off: number,
    parentR: number,
  ): void {
    const endpos = outpos + left;
    for (let rep = outpos; rep < endpos; rep++) {
      out[outOff + rep] = UNDEF;
      if (recurseToLeaf) out2[out2Off + rep] = UNDEF;
    }
    for (let ftotal = 0; left > 0 && ftotal < tries; ftotal++) {
      for (let rep = outpos; rep < endpos; rep++) {
        if (out[outOff + rep] !== UNDEF) continue;
        let inb = bucket;
        for (;;) {
          let r = rep + parentR;
          // A uniform bucket whose size is a multiple of numrep would cycle, so stride by numrep+1.
          if (this.alg[inb] === UNIFORM && this.size[inb]! % numrep === 0) r += (numrep + 1) * ftotal;
          else r += numrep * ftotal;
          if (this.size[inb] === 0) break;
          const item = this.bucketChoose(inb, x, r);
          if (item >= this.maxDevices) {
            out[outOff + rep] = NONE;
            if (recurseToLeaf) out2[out2Off + rep] = NONE;
            left--;
            break;
          }
          const itemType = this.itemType(item);
          if (itemType !== type) {
            if (item >= 0 || itemType < 0) {
              out[outOff + rep] = NONE;
              if (recurseToLeaf) out2[out2Off + rep] = NONE;
              left--;
              break;
            }
            inb = -1 - item;
            continue;
          }
          let collide = false;
          for (let i = outpos; i < endpos; i++) {
            if (out[outOff + i] === item) {
              collide = true;
              break;
            }
          }
          if (collide) break;
          if (recurseToLeaf) {
            if (item < 0) {
              this.indep(-1 - item, x, 1, numrep, 0, out2, out2Off, rep, recurseTries, 0, false, out2, out2Off, r);
              if (out2[out2Off + rep] === NONE) break;
            } else {
              out2[out2Off + rep] = item;
            }
          }
          if (itemType === 0 && this.isOut(item, x)) break;
          out[outOff + rep] = item;
          left--;
          break;
        }
      }
    }
    for (let rep = outpos; rep < endpos; rep++) {
      if (out[outOff + rep] === UNDEF) out[outOff + rep] = NONE;
      if (recurseToLeaf && out2[out2Off + rep] === UNDEF) out2[out2Off + rep] = NONE;
    }
  }
}
