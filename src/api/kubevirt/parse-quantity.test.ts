import { describe, expect, it } from 'vitest';
import { quantityValue } from './parse-quantity.js';

describe('quantityValue()', () => {
  it('reads binary and decimal suffixes', () => {
    expect(quantityValue('8Gi')).toBe(8 * 2 ** 30);
    expect(quantityValue('1M')).toBe(1_000_000);
    expect(quantityValue('512k')).toBe(512_000);
    expect(quantityValue('1e3')).toBe(1000);
  });

  it('rounds fractions up, as Quantity.Value() does', () => {
    expect(quantityValue('500m')).toBe(1);
    expect(quantityValue('1.5')).toBe(2);
    expect(quantityValue(3)).toBe(3);
  });

  it('returns undefined for what is not a quantity', () => {
    expect(quantityValue('8 GB')).toBeUndefined();
    expect(quantityValue({})).toBeUndefined();
  });
});
