import { describe, it, expect } from 'vitest';
import { FieldSet, pathDisplay, peString, type Path } from './field-path.js';
import { decodeFieldsV1, encodeFieldsV1, isCanonicalFieldsV1, orderedPaths } from './fields-v1.js';

const f = (field: string) => ({ field });

describe('encodeFieldsV1()', () => {
  it('writes f:, k: (keys sorted by name), v: and "." as structured-merge-diff does', () => {
    const item: Path = [f('spec'), f('containers'), { key: [['name', 'nginx']] }];
    const port: Path = [...item, f('ports'), { key: [['containerPort', 80], ['protocol', 'TCP']] }];
    const set = new FieldSet([
      [f('metadata'), f('finalizers'), { value: 'b' }],
      [f('metadata'), f('finalizers'), { value: 'a' }],
      item,
      [...item, f('name')],
      [...item, f('image')],
      port,
      [...port, f('containerPort')],
      [f('spec'), f('replicas')],
    ]);
    const out = encodeFieldsV1(set);
    expect(JSON.stringify(out)).toBe(
      '{"f:metadata":{"f:finalizers":{"v:\\"a\\"":{},"v:\\"b\\"":{}}},' +
        '"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:name":{},' +
        '"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:containerPort":{}}}}},"f:replicas":{}}}',
    );
    expect(decodeFieldsV1(out).equals(set)).toBe(true);
  });

  it('sorts keyed items by key value (numbers numerically)', () => {
    const set = new FieldSet([443, 80, 8080].map((p) => [f('ports'), { key: [['containerPort', p]] }] as Path));
    expect(Object.keys(encodeFieldsV1(set)['f:ports'] as object)).toEqual([
      'k:{"containerPort":80}',
      'k:{"containerPort":443}',
      'k:{"containerPort":8080}',
    ]);
  });

  it('escapes HTML characters in keys as Go does', () => {
    expect(peString({ value: 'a<b>&' })).toBe('v:"a\\u003cb\\u003e\\u0026"');
  });
});

describe('orderedPaths() and pathDisplay()', () => {
  it('iterates members before deeper children and prints kube paths', () => {
    const set = new FieldSet([
      [f('spec'), f('template'), f('spec'), f('containers'), { key: [['name', 'nginx']] }, f('image')],
      [f('spec'), f('replicas')],
      [f('metadata'), f('labels'), f('app')],
    ]);
    expect(orderedPaths(set).map(pathDisplay)).toEqual(['.metadata.labels.app', '.spec.replicas', '.spec.template.spec.containers[name="nginx"].image']);
    expect(pathDisplay([f('metadata'), f('finalizers'), { value: 'x' }])).toBe('.metadata.finalizers[="x"]');
  });
});

describe('isCanonicalFieldsV1()', () => {
  it('accepts what encodeFieldsV1 writes and nothing that encodes differently', () => {
    const item: Path = [f('spec'), f('containers'), { key: [['name', 'nginx']] }];
    const written = encodeFieldsV1(new FieldSet([item, [...item, f('image')], [f('spec'), f('replicas')], [f('metadata'), f('finalizers'), { value: 'a' }]]));
    expect(isCanonicalFieldsV1(written)).toBe(true);
    expect(isCanonicalFieldsV1({})).toBe(true);
    const odd: unknown[] = [
      { 'f:spec': { 'f:replicas': {}, 'f:paused': {} } }, // keys out of order
      { 'f:spec': { 'f:a': {}, '.': {} } }, // "." not first
      { '.': {}, 'f:a': {} }, // "." at the root
      { 'f:spec': { '.': {} } }, // "." alone encodes as {}
      { 'f:spec': { '.': { x: 1 }, 'f:a': {} } }, // "." not {}
      { 'k:{"b":1,"a":2}': {} }, // key fields not sorted by name
      { 'i:01': {} }, // not the canonical index
      { 'x:y': {} }, // unknown element kind
      { 'f:a': [] }, // an array leaf decodes as a member but encodes as {}
      { 'f:a': 1 }, // malformed
    ];
    for (const o of odd) {
      expect(isCanonicalFieldsV1(o)).toBe(false);
      let same = false;
      try {
        same = JSON.stringify(encodeFieldsV1(decodeFieldsV1(o))) === JSON.stringify(o);
      } catch {
        same = false;
      }
      expect(same).toBe(false);
    }
  });
});
