import { describe, it, expect } from 'vitest';
import { createdAt, humanDuration, shortHumanDuration, translateTimestampSince } from './human-duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration()', () => {
  it.each([
    [-3 * s, '<invalid>'],
    [-1500, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 12 * s, '3m12s'],
    [10 * m + 5 * s, '10m'],
    [42 * m, '42m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 10 * m, '5h10m'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [3 * d + 4 * h, '3d4h'],
    [3 * d, '3d'],
    [8 * d + 5 * h, '8d'],
    [800 * d, '2y70d'],
    [730 * d, '2y'],
    [9 * 365 * d, '9y'],
  ])('formats %d ms as %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('shortHumanDuration()', () => {
  it.each([
    [59 * s, '59s'],
    [3 * m + 12 * s, '3m'],
    [5 * h + 10 * m, '5h'],
    [3 * d + 4 * h, '3d'],
    [400 * d, '1y'],
  ])('formats %d ms as %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});

describe('translateTimestampSince()', () => {
  it('measures from the timestamp to now', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(translateTimestampSince('2026-01-01T11:56:48Z', now)).toBe('3m12s');
  });
  it('is <unknown> for a missing or bad timestamp', () => {
    expect(translateTimestampSince(undefined, 0)).toBe('<unknown>');
    expect(translateTimestampSince('', 0)).toBe('<unknown>');
    expect(translateTimestampSince('nope', 0)).toBe('<unknown>');
  });
});

describe('createdAt()', () => {
  it('prints UTC RFC 3339 without fractions', () => {
    expect(createdAt('2026-01-01T12:00:00.123+02:00')).toBe('2026-01-01T10:00:00Z');
  });
});
