import { describe, expect, it } from 'vitest';
import { hash32_2, hash32_2Low16, hash32_3, hash32_3Low16, hash32_4 } from './hash.js';

describe('rjenkins1 hashes', () => {
  it('hash32_2/3/4 reproduce the values crushtool mappings imply', () => {
    expect(hash32_2(0, 0)).toBe(430787817);
    expect(hash32_2(1, 3)).toBe(886676438);
    expect(hash32_3(0, 0, 0)).toBe(2050749362);
    expect(hash32_3(1, 2, 3)).toBe(1935332395);
    expect(hash32_3(42, -13, 0)).toBe(658201753);
    expect(hash32_4(1, 2, 3, 4)).toBe(1768759062);
  });

  it('hashes negative ids as their two\'s complement and returns u32', () => {
    expect(hash32_3(42, -13, 0)).toBe(hash32_3(42, 0xfffffff3, 0));
    for (let i = 0; i < 1000; i++) {
      const h = hash32_3(i, -1 - i, i * 7);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
  });

  it('the Low16 variants are the low 16 bits of the full hashes', () => {
    for (let i = 0; i < 2000; i++) {
      expect(hash32_3Low16(i * 977, -i, i & 15)).toBe(hash32_3(i * 977, -i, i & 15) & 0xffff);
      expect(hash32_2Low16(i * 131, i)).toBe(hash32_2(i * 131, i) & 0xffff);
    }
  });
});
