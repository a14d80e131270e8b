import { describe, it, expect } from 'vitest';
import { sameIgnoringTimes, sameIgnoringTimesByJson } from './same-object.js';

// The handlers' structural equality (src/apiserver/handlers/prepare.ts deepEqual), used on the JSON fallback.
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a as object);
  if (ka.length !== Object.keys(b as object).length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

type Obj = { metadata: object } & Record<string, unknown>;

const base = (): Obj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'a',
    resourceVersion: '5',
    labels: { x: '1' },
    managedFields: [{ manager: 'm', operation: 'Update', apiVersion: 'v1', time: '2024-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }],
  },
  data: { k: 'v', n: [1, 2, { z: true }] },
});

describe('sameIgnoringTimes', () => {
  it('ignores resourceVersion, managedFields times and key order', () => {
    const b = base();
    const m = b.metadata as Record<string, unknown>;
    b.metadata = { ...m, resourceVersion: '9', managedFields: [{ ...(m.managedFields as object[])[0], time: '2025-01-01T00:00:00Z' }] };
    const reordered = { data: b.data, metadata: b.metadata, kind: 'ConfigMap', apiVersion: 'v1' };
    expect(sameIgnoringTimes(base(), reordered, deepEqual)).toBe(true);
  });

  it('compares decoded objects without the round trip', () => {
    const never = () => {
      throw new Error('round trip taken');
    };
    expect(sameIgnoringTimes(base(), base(), never)).toBe(true);
    expect(sameIgnoringTimes(base(), { ...base(), kind: 'Secret' }, never)).toBe(false);
  });

  it('sees a changed value, an added member and a changed manager', () => {
    expect(sameIgnoringTimes(base(), { ...base(), data: { k: 'w', n: [1, 2, { z: true }] } }, deepEqual)).toBe(false);
    expect(sameIgnoringTimes(base(), { ...base(), extra: 1 }, deepEqual)).toBe(false);
    const b = base();
    (b.metadata as { managedFields: { manager: string }[] }).managedFields[0].manager = 'other';
    expect(sameIgnoringTimes(base(), b, deepEqual)).toBe(false);
  });

  it('treats undefined members as absent and undefined items as null, as JSON does', () => {
    expect(sameIgnoringTimes({ ...base(), gone: undefined }, base(), deepEqual)).toBe(true);
    expect(sameIgnoringTimes({ ...base(), l: [undefined] }, { ...base(), l: [null] }, deepEqual)).toBe(true);
    expect(sameIgnoringTimes({ ...base(), n: NaN }, { ...base(), n: null }, deepEqual)).toBe(true);
    const noFields = base();
    (noFields.metadata as Record<string, unknown>).managedFields = null;
    const absent = base();
    delete (absent.metadata as Record<string, unknown>).managedFields;
    expect(sameIgnoringTimes(noFields, absent, deepEqual)).toBe(true);
  });

  it('answers as the JSON round trip does on random objects and odd values', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const value = (depth: number): unknown => {
      const r = rnd();
      if (depth > 2 || r < 0.4) return pick<unknown>(['a', 'b', 1, 0, -0, 2.5, true, false, null, undefined, NaN, Infinity, new Date(0)]);
      if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 3) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      // An own `__proto__` member, as JSON.parse makes it (assignment would set the prototype).
      for (let i = Math.floor(rnd() * 3); i > 0; i--) Object.defineProperty(o, pick(['p', 'q', 'r', '__proto__']), { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
      return o;
    };
    const object = (): Obj => {
      const fields = rnd() < 0.2 ? pick<unknown>([null, undefined, 'x', [null], [{ time: 'x' }]]) : [{ manager: pick(['m', 'n']), time: pick(['t1', 't2']), x: value(2) }];
      return { kind: 'K', spec: value(0), metadata: { name: 'a', resourceVersion: pick(['1', '2']), managedFields: fields, extra: value(1) } };
    };
    let same = 0;
    for (let i = 0; i < 3000; i++) {
      const a = object();
      const b = rnd() < 0.5 ? a : object();
      let want: unknown;
      let got: unknown;
      try {
        want = sameIgnoringTimesByJson(a, b, deepEqual);
      } catch (e) {
        want = (e as Error).constructor.name;
      }
      try {
        got = sameIgnoringTimes(a, b, deepEqual);
      } catch (e) {
        got = (e as Error).constructor.name;
      }
      expect(got).toBe(want);
      if (want === true) same++;
    }
    expect(same).toBeGreaterThan(100);
  });
});
