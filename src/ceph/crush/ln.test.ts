import { describe, expect, it } from 'vitest';
import { crushLn, straw2Ln } from './ln.js';

describe('crush_ln', () => {
  it('matches the reference values from the shipped tables', () => {
    expect(crushLn(0)).toBe(0n);
    expect(crushLn(1)).toBe(0x100000000000n);
    expect(crushLn(0x8000)).toBe(0xf0002e2a60a0n);
    // Not monotonic at the top: the last LH entry is 0xffff00000000, not 2^48.
    expect(crushLn(0xfffe)).toBe(0xfffffd61ad10n);
    expect(crushLn(0xffff)).toBe(0xfffff0000000n);
  });

  it('straw2Ln equals crush_ln(u) - 2^48 for all 65,536 inputs', () => {
    let mismatches = 0;
    for (let u = 0; u < 0x10000; u++) if (straw2Ln(u) !== Number(crushLn(u) - (1n << 48n))) mismatches++;
    expect(mismatches).toBe(0);
  });
});
