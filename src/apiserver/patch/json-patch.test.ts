import { describe, it, expect } from 'vitest';
import { StatusError } from '../../api/errors.js';
import { applyJsonPatch, type JsonPatchOperation } from './json-patch.js';
import type { Json } from './json-value.js';

const doc = {
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas: 3, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
};

function failure(d: Json, ops: JsonPatchOperation[]): { status: StatusError; cause: string } {
  try {
    applyJsonPatch(d, ops);
  } catch (e) {
    const s = e as StatusError;
    return { status: s, cause: (s.cause as Error | undefined)?.message ?? '' };
  }
  throw new Error('patch applied');
}

describe('applyJsonPatch()', () => {
  it.each([
    { name: 'add appends with /-', ops: [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'side', image: 'busybox' } }], at: (d: any) => d.spec.template.spec.containers.map((c: any) => c.name), want: ['nginx', 'side'] },
    { name: 'add inserts at an index', ops: [{ op: 'add', path: '/spec/template/spec/containers/0', value: { name: 'init' } }], at: (d: any) => d.spec.template.spec.containers.map((c: any) => c.name), want: ['init', 'nginx'] },
    { name: 'add with a negative index counts from the end', ops: [{ op: 'add', path: '/spec/template/spec/containers/-1', value: { name: 'x' } }], at: (d: any) => d.spec.template.spec.containers.map((c: any) => c.name), want: ['nginx', 'x'] },
    { name: 'replace sets a value', ops: [{ op: 'replace', path: '/spec/replicas', value: 5 }], at: (d: any) => d.spec.replicas, want: 5 },
    { name: 'replace of a missing object key adds it (json-patch v4)', ops: [{ op: 'replace', path: '/metadata/labels/tier', value: 'fe' }], at: (d: any) => d.metadata.labels, want: { app: 'web', tier: 'fe' } },
    { name: 'remove deletes a key', ops: [{ op: 'remove', path: '/metadata/labels/app' }], at: (d: any) => d.metadata.labels, want: {} },
    { name: '~1 escapes a slash', ops: [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'web' }], at: (d: any) => d.metadata.labels['app.kubernetes.io/name'], want: 'web' },
    { name: 'move moves', ops: [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/role' }], at: (d: any) => d.metadata.labels, want: { role: 'web' } },
    { name: 'copy copies deeply', ops: [{ op: 'copy', from: '/spec/template/spec/containers/0', path: '/spec/template/spec/containers/-' }], at: (d: any) => d.spec.template.spec.containers.length, want: 2 },
    { name: 'test passes on equal values, then later ops run', ops: [{ op: 'test', path: '/spec/replicas', value: 3 }, { op: 'replace', path: '/spec/replicas', value: 4 }], at: (d: any) => d.spec.replicas, want: 4 },
  ])('$name', ({ ops, at, want }) => {
    const out = applyJsonPatch(doc as Json, ops);
    expect(at(out)).toEqual(want);
    expect(doc.spec.replicas).toBe(3);
  });

  it.each([
    { name: 'a failing test', ops: [{ op: 'test', path: '/spec/replicas', value: 4 }], cause: 'testing value /spec/replicas failed: test failed' },
    { name: 'a missing parent', ops: [{ op: 'add', path: '/spec/nope/x', value: 1 }], cause: 'add operation does not apply: doc is missing path: "/spec/nope/x": missing value' },
    { name: 'removing a missing key', ops: [{ op: 'remove', path: '/metadata/labels/zzz' }], cause: "error in remove for path: '/metadata/labels/zzz': Unable to remove nonexistent key: zzz: missing value" },
    { name: 'replacing past the end of a list', ops: [{ op: 'replace', path: '/spec/template/spec/containers/3', value: {} }], cause: 'replace operation does not apply: doc is missing key: /spec/template/spec/containers/3: missing value' },
    { name: 'a bad array index', ops: [{ op: 'add', path: '/spec/template/spec/containers/x', value: {} }], cause: `error in add for path: '/spec/template/spec/containers/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax` },
    { name: 'an unknown op', ops: [{ op: 'frob', path: '/a' }], cause: 'Unexpected kind: frob' },
  ])('answers 422 Invalid for $name, as kube-apiserver does', ({ ops, cause }) => {
    const f = failure(doc as Json, ops);
    expect(f.status.code).toBe(422);
    expect(f.status.reason).toBe('Invalid');
    expect(f.status.message).toBe('the server rejected our request due to an error in our request');
    expect(f.cause).toBe(cause);
  });

  it('refuses more than 10,000 operations with 413', () => {
    const ops = Array.from({ length: 10_001 }, () => ({ op: 'add', path: '/x', value: 1 }));
    const f = failure({}, ops);
    expect(f.status.code).toBe(413);
    expect(f.status.reason).toBe('RequestEntityTooLarge');
    expect(f.status.message).toBe('The allowed maximum operations in a JSON patch is 10000, got 10001');
    expect(applyJsonPatch({}, ops.slice(0, 10_000))).toEqual({ x: 1 });
  });

  it('leaves the input untouched when a later operation fails', () => {
    const input = { a: 1 };
    failure(input, [{ op: 'add', path: '/b', value: 2 }, { op: 'test', path: '/a', value: 9 }]);
    expect(input).toEqual({ a: 1 });
  });
});
