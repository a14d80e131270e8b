import { describe, expect, it } from 'vitest';
import { objectHashToPs, pgNumMask, pgToPps, stableMod } from './pg.js';
import { hash32_2 } from './hash.js';

describe('PG to CRUSH input', () => {
  it('pgNumMask is the next power of two minus one', () => {
    expect(pgNumMask(1)).toBe(0);
    expect(pgNumMask(32)).toBe(31);
    expect(pgNumMask(33)).toBe(63);
    expect(pgNumMask(100)).toBe(127);
    expect(pgNumMask(65536)).toBe(65535);
  });

  it('ceph_stable_mod folds values past b into the lower half', () => {
    // b = 12, mask 15: 0..11 stay, 12..15 fold to 4..7.
    expect([10, 11, 12, 13, 15, 16, 28].map((x) => stableMod(x, 12, 15))).toEqual([10, 11, 4, 5, 7, 0, 4]);
  });

  it('pps is hash32_2(ps, pool) for HASHPSPOOL pools with a power-of-two pgp_num (what crushtool --pool-id feeds)', () => {
    const pool = { poolId: 3, pgpNum: 128 };
    for (let ps = 0; ps < 128; ps++) expect(pgToPps(pool, ps)).toBe(hash32_2(ps, 3));
  });

  it('a non-power-of-two pgp_num folds ps first; legacy pools add the pool id', () => {
    expect(pgToPps({ poolId: 2, pgpNum: 12 }, 13)).toBe(hash32_2(5, 2));
    expect(pgToPps({ poolId: 2, pgpNum: 12, hashPsPool: false }, 13)).toBe(7);
    expect(objectHashToPs(0xdeadbeef, 100)).toBe(stableMod(0xdeadbeef, 100, 127));
  });
});
