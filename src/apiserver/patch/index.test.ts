import { describe, it, expect } from 'vitest';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { applyPatch, patchKindOf, validatePatchOptions, type PatchContext } from './index.js';
import { CONFIGMAP, DEPLOYMENT, resolve } from './test-schemas.js';

const NOW = '2024-03-01T12:00:00Z';
const cm = (): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', uid: 'u', resourceVersion: '7' }, data: { a: '1' } });
const ctx = (o: Partial<PatchContext> = {}): PatchContext => ({ schema: CONFIGMAP, resolve, strategicMerge: true, apiVersion: 'v1', now: NOW, ...o });

function statusError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('patchKindOf()', () => {
  it('maps the four media types, ignoring parameters', () => {
    expect(patchKindOf('application/json-patch+json', false)).toBe('json');
    expect(patchKindOf('application/merge-patch+json; charset=utf-8', false)).toBe('merge');
    expect(patchKindOf('application/strategic-merge-patch+json', true)).toBe('strategic');
    expect(patchKindOf('application/apply-patch+yaml', false)).toBe('apply');
  });

  it('answers 415 with the accepted list, leaving strategic merge out for CRDs', () => {
    const err = statusError(() => patchKindOf('application/strategic-merge-patch+json', false));
    expect(err.code).toBe(415);
    expect(err.reason).toBe('UnsupportedMediaType');
    expect(err.message).toBe('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
    expect(statusError(() => patchKindOf('text/plain', true)).message).toContain('application/strategic-merge-patch+json, application/apply-patch+yaml');
  });
});

describe('applyPatch()', () => {
  it('applies each patch type to a ConfigMap', () => {
    expect(applyPatch('json', cm(), '[{"op":"add","path":"/data/b","value":"2"}]', ctx()).data).toEqual({ a: '1', b: '2' });
    expect(applyPatch('merge', cm(), Buffer.from('{"data":{"a":null,"c":"3"}}'), ctx()).data).toEqual({ c: '3' });
    expect(applyPatch('strategic', cm(), '{"data":{"b":"2"}}', ctx()).data).toEqual({ a: '1', b: '2' });
    const applied = applyPatch('apply', cm(), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  b: "2"\n', ctx({ manager: 'kubectl' }));
    expect(applied.data).toEqual({ a: '1', b: '2' });
    expect(applied.metadata.managedFields?.find((m) => m.manager === 'kubectl')?.fieldsV1).toEqual({ 'f:data': { 'f:b': {} } });
  });

  it('creates on apply and checks the body against the URL', () => {
    const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'new' }, data: { x: 'y' } });
    const created = applyPatch('apply', undefined, body, ctx({ manager: 'kubectl', expect: { apiVersion: 'v1', kind: 'ConfigMap', name: 'new', namespace: 'default' } }));
    expect(created.data).toEqual({ x: 'y' });
    const err = statusError(() => applyPatch('apply', undefined, body, ctx({ manager: 'kubectl', expect: { apiVersion: 'v1', kind: 'ConfigMap', name: 'other' } })));
    expect(err.message).toBe('the name of the object (new) does not match the name on the URL (other)');
  });

  it('tracks the patcher as an Update manager when a manager is given', () => {
    const out = applyPatch('merge', cm(), '{"data":{"z":"1"}}', ctx({ manager: 'kubectl-patch' }));
    expect(out.metadata.managedFields).toEqual([
      { manager: 'kubectl-patch', operation: 'Update', apiVersion: 'v1', time: NOW, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:z': {} } } },
    ]);
  });

  it('merges Deployment containers by name through the strategic path', () => {
    const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '2' }] } } } };
    const out = applyPatch('strategic', d, '{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"3"}]}}}}', ctx({ schema: DEPLOYMENT, apiVersion: 'apps/v1' }));
    expect((out.spec as any).template.spec.containers).toEqual([{ name: 'a', image: '1' }, { name: 'b', image: '3' }]);
  });

  it.each([
    { kind: 'json' as const, body: '{"op":"add"}', message: 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp' },
    { kind: 'json' as const, body: '[{"op":"add","path":5}]', message: 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string' },
    { kind: 'json' as const, body: '[{', message: 'error decoding patch: unexpected end of JSON input' },
    { kind: 'json' as const, body: '[{"op" "add"}]', message: 'error decoding patch: invalid character \'"\' after object key' },
    { kind: 'merge' as const, body: '{"data":', message: 'error decoding patch: unexpected end of JSON input' },
    { kind: 'merge' as const, body: '[1]', message: 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}' },
    { kind: 'merge' as const, body: 'null', message: 'Invalid JSON Patch' },
    { kind: 'strategic' as const, body: '{x', message: "invalid character 'x' looking for beginning of object key string" },
    { kind: 'apply' as const, body: '- a\n- b', message: 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}' },
  ])('answers 400 for a malformed $kind body $body', ({ kind, body, message }) => {
    const err = statusError(() => applyPatch(kind, cm(), body, ctx({ manager: 'm' })));
    expect(err.code).toBe(400);
    expect(err.message).toBe(message);
  });

  it('refuses strategic merge for kinds without it (415)', () => {
    expect(statusError(() => applyPatch('strategic', cm(), '{}', ctx({ strategicMerge: false }))).code).toBe(415);
  });
});

describe('validatePatchOptions()', () => {
  it('requires a field manager for apply and refuses force elsewhere (422 PatchOptions)', () => {
    const err = statusError(() => validatePatchOptions('apply', {}));
    expect(err.code).toBe(422);
    expect(err.message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    expect(statusError(() => validatePatchOptions('merge', { force: true })).message).toBe('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
    expect(() => validatePatchOptions('apply', { fieldManager: 'kubectl', force: false })).not.toThrow();
  });
});
