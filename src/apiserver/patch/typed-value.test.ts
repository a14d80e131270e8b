import { describe, it, expect } from 'vitest';
import { encodeFieldsV1 } from './fields-v1.js';
import type { Json } from './json-value.js';
import { withObjectMeta } from './schema-walker.js';
import { DEPLOYMENT, resolve } from './test-schemas.js';
import { TypedError, compare, toFieldSet } from './typed-value.js';
import { mergeTyped, removeTyped } from './typed-merge.js';
import { FieldSet } from './field-path.js';

const root = withObjectMeta(DEPLOYMENT, resolve);

describe('toFieldSet()', () => {
  it('owns leaves, list items (with ".") and map keys, and uses key defaults (protocol TCP)', () => {
    const applied = {
      metadata: { labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }] } },
      },
    };
    expect(encodeFieldsV1(toFieldSet(applied, root, resolve))).toEqual({
      'f:metadata': { 'f:labels': { 'f:app': {} } },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"nginx"}': {
                '.': {},
                'f:image': {},
                'f:name': {},
                'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
                'f:resources': { 'f:limits': { 'f:cpu': {} } },
              },
            },
          },
        },
      },
    });
  });

  it('refuses a map-list item without its key field', () => {
    expect(() => toFieldSet({ spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, root, resolve)).toThrow(TypedError);
    expect(() => toFieldSet({ spec: { template: { spec: { containers: [{ image: 'x' }] } } } }, root, resolve)).toThrow(
      '.spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    );
  });
});

describe('compare()', () => {
  it('reports added nodes, modified leaves and removed fields', () => {
    const old = { spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'x' }] } } } };
    const neu = { spec: { replicas: 2, template: { spec: { containers: [{ name: 'a' }, { name: 'b', image: 'y' }] } } } };
    const c = compare(old as Json, neu as Json, root, resolve);
    expect(encodeFieldsV1(c.modified)).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(encodeFieldsV1(c.removed)).toEqual({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"a"}': { 'f:image': {} } } } } } });
    expect(encodeFieldsV1(c.added)).toEqual({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"b"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } });
  });
});

describe('mergeTyped() and removeTyped()', () => {
  const containers = (names: string[]) => ({ spec: { template: { spec: { containers: names.map((name) => ({ name })) } } } });
  const names = (v: Json | undefined) => ((v as any).spec.template.spec.containers as { name: string }[]).map((c) => c.name);

  it.each([
    { live: ['a', 'b', 'c'], applied: ['b'], want: ['a', 'b', 'c'] },
    { live: ['a', 'b'], applied: ['b', 'a'], want: ['b', 'a'] },
    { live: ['a', 'b', 'c'], applied: ['c', 'a'], want: ['b', 'c', 'a'] },
    { live: ['a'], applied: ['x', 'a', 'y'], want: ['x', 'a', 'y'] },
  ])('merges map-list items in structured-merge-diff order: $live + $applied', ({ live, applied, want }) => {
    expect(names(mergeTyped(containers(live), containers(applied), root, resolve))).toEqual(want);
  });

  it('replaces atomic lists and maps, merges granular maps, unsets on null', () => {
    const live = { metadata: { labels: { a: '1' } }, spec: { replicas: 3, selector: { matchLabels: { a: '1', b: '2' } } } };
    const out = mergeTyped(live, { metadata: { labels: { c: '3' } }, spec: { replicas: null, selector: { matchLabels: { c: '3' } } } }, root, resolve);
    expect(out).toEqual({ metadata: { labels: { a: '1', c: '3' } }, spec: { selector: { matchLabels: { c: '3' } } } });
  });

  it('removes paths and drops containers emptied by the removal', () => {
    const v = { metadata: { name: 'x', labels: { a: '1' } }, spec: { template: { spec: { containers: [{ name: 'a', image: 'i' }, { name: 'b' }] } } } };
    const remove = new FieldSet([
      [{ field: 'metadata' }, { field: 'labels' }, { field: 'a' }],
      [{ field: 'spec' }, { field: 'template' }, { field: 'spec' }, { field: 'containers' }, { key: [['name', 'a']] }, { field: 'image' }],
      [{ field: 'spec' }, { field: 'template' }, { field: 'spec' }, { field: 'containers' }, { key: [['name', 'b']] }],
    ]);
    expect(removeTyped(v as Json, remove, root, resolve)).toEqual({ metadata: { name: 'x' }, spec: { template: { spec: { containers: [{ name: 'a' }] } } } });
  });
});
