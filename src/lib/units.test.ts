import { describe, it, expect } from 'vitest';
import { parseByteSize, formatBytes, bytesIn, formatNumber } from './units.js';

describe('parseByteSize()', () => {
  it('reads decimal units as powers of 1000', () => {
    expect(parseByteSize('3.84TB')).toBe(3_840_000_000_000);
    expect(parseByteSize('3.84 TB')).toBe(3_840_000_000_000);
    expect(parseByteSize('1TB')).toBe(1e12);
    expect(parseByteSize('960GB')).toBe(960e9);
    expect(parseByteSize('4KB')).toBe(4000);
  });
  it('reads binary units as powers of 1024', () => {
    expect(parseByteSize('1TiB')).toBe(1_099_511_627_776);
    expect(parseByteSize('3840GiB')).toBe(3840 * 2 ** 30);
    expect(parseByteSize('1.5 KiB')).toBe(1536);
  });
  it('takes bare numbers as bytes', () => {
    expect(parseByteSize('512')).toBe(512);
    expect(parseByteSize(3_840_000_000_000)).toBe(3_840_000_000_000);
  });
  it('refuses unknown units, negative and fractional byte counts', () => {
    expect(() => parseByteSize('3.84XB')).toThrow(/unknown unit "XB"/);
    expect(() => parseByteSize('3.84 tb')).toThrow(/unknown unit "tb"/);
    expect(() => parseByteSize('lots')).toThrow(/expected a number and a unit/);
    expect(() => parseByteSize(-1)).toThrow(RangeError);
    expect(() => parseByteSize(1.5)).toThrow(RangeError);
  });
});

describe('formatBytes()', () => {
  it('shows the TB vs GiB difference of a 3.84 TB drive', () => {
    expect(formatBytes(3.84e12)).toBe('3.84 TB');
    expect(formatBytes(3.84e12, { unit: 'GiB' })).toBe('3,576.28 GiB');
    expect(formatBytes(3.84e12, { system: 'binary' })).toBe('3.49 TiB');
    expect(formatBytes(108 * 3.84e12, { unit: 'TiB' })).toBe('377.19 TiB');
  });
  it('falls back to bytes for small values', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
  });
});

describe('bytesIn() and formatNumber()', () => {
  it('converts and groups thousands', () => {
    expect(bytesIn(2 ** 30, 'MiB')).toBe(1024);
    expect(formatNumber(9400)).toBe('9,400');
    expect(formatNumber(150.641, 1)).toBe('150.6');
  });
});
