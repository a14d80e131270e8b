import { describe, expect, it } from 'vitest';
import { formatFloat6 } from './format-float.js';

describe('formatFloat6', () => {
  it('prints as C++ streams print floats (%g, precision 6)', () => {
    expect(formatFloat6(0)).toBe('0');
    expect(formatFloat6(0.75)).toBe('0.75');
    expect(formatFloat6(Math.fround(0.2666667))).toBe('0.266667');
    expect(formatFloat6(Math.fround(1 / 12))).toBe('0.0833333');
    expect(formatFloat6(100)).toBe('100');
    expect(formatFloat6(123456)).toBe('123456');
    expect(formatFloat6(1234567)).toBe('1.23457e+06');
    expect(formatFloat6(1e6)).toBe('1e+06');
    expect(formatFloat6(0.0001)).toBe('0.0001');
    expect(formatFloat6(0.00001234)).toBe('1.234e-05');
    expect(formatFloat6(999999.7)).toBe('1e+06');
  });
});
