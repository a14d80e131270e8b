import { describe, it, expect } from 'vitest';
import { StatusError } from '../../api/errors.js';
import { applyMergePatch } from './merge-patch.js';
import type { Json } from './json-value.js';

describe('applyMergePatch()', () => {
  // Cases from RFC 7386 appendix A, plus the json-patch v4 null pruning kube inherits.
  it.each([
    { target: { a: 'b' }, patch: { a: 'c' }, want: { a: 'c' } },
    { target: { a: 'b' }, patch: { b: 'c' }, want: { a: 'b', b: 'c' } },
    { target: { a: 'b' }, patch: { a: null }, want: {} },
    { target: { a: 'b', b: 'c' }, patch: { a: null }, want: { b: 'c' } },
    { target: { a: ['b'] }, patch: { a: 'c' }, want: { a: 'c' } },
    { target: { a: 'c' }, patch: { a: ['b'] }, want: { a: ['b'] } },
    { target: { a: { b: 'c' } }, patch: { a: { b: 'd', c: null } }, want: { a: { b: 'd' } } },
    { target: { a: [{ b: 'c' }] }, patch: { a: [1] }, want: { a: [1] } },
    { target: {}, patch: { a: { bb: { ccc: null } } }, want: { a: { bb: {} } } },
    { target: { a: 1 }, patch: { b: [{ c: null, d: 1 }, null] }, want: { a: 1, b: [{ d: 1 }, null] } },
  ])('merges $patch into $target', ({ target, patch, want }) => {
    expect(applyMergePatch(target as unknown as Json, patch as unknown as Json)).toEqual(want);
  });

  it('merges labels of a Deployment and removes one with null', () => {
    const live = { metadata: { name: 'web', labels: { app: 'web', tier: 'fe' } }, spec: { replicas: 1 } };
    const out = applyMergePatch(live as Json, { metadata: { labels: { tier: null, team: 'a' } }, spec: { replicas: 2 } });
    expect(out).toEqual({ metadata: { name: 'web', labels: { app: 'web', team: 'a' } }, spec: { replicas: 2 } });
    expect(live.metadata.labels.tier).toBe('fe');
  });

  it('answers 400 "Invalid JSON Patch" for a null or scalar patch', () => {
    for (const p of [null, 5, 'x'] as Json[]) {
      const err = (() => {
        try {
          applyMergePatch({}, p);
        } catch (e) {
          return e as StatusError;
        }
      })();
      expect(err?.code).toBe(400);
      expect(err?.message).toBe('Invalid JSON Patch');
    }
  });
});

describe('applyMergePatch() with a __proto__ key', () => {
  it('treats it as an ordinary member and pollutes nothing', () => {
    const patch = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Json;
    const out = applyMergePatch({}, patch) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
