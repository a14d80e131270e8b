import { describe, it, expect } from 'vitest';
import { canonicalQuantity, parseQuantity } from './quantity.js';

describe('canonicalQuantity()', () => {
  it.each([
    ['0.5', '500m'], [0.5, '500m'], ['1000', '1k'], ['1500', '1500'], ['100m', '100m'], ['0.1', '100m'],
    ['1.5Gi', '1536Mi'], ['100Mi', '100Mi'], ['1024Mi', '1Gi'], ['512', '512'], ['1Ki', '1Ki'], ['0.5Ki', '512'],
    ['1e3', '1e3'], ['1E6', '1e6'], ['10G', '10G'], ['128974848', '128974848'], ['129e6', '129e6'], ['129M', '129M'],
    ['0', '0'], ['0Gi', '0'], ['-2', '-2'], ['0.1n', '1n'], ['1.0001m', '1000100n'], [2, '2'], ['+3k', '3k'], ['5e-3', '5e-3'],
  ])('%s -> %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it('refuses what is not a quantity', () => {
    for (const bad of ['', 'abc', '1.2.3', '1Ki2', '1 Gi', '1KiB']) expect(parseQuantity(bad)).toBeUndefined();
  });
});
