import { describe, it, expect } from 'vitest';
import { StatusError } from '../../api/errors.js';
import { decodeApplyPatch, decodeJsonPatch, decodeStrategicPatch, goJsonError } from './decode-body.js';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as StatusError).message;
  }
  return 'no error';
}

describe('decodeApplyPatch()', () => {
  it('reads YAML as go-yaml does for kube: 1.1 booleans and octals, timestamps stay strings', () => {
    const v = decodeApplyPatch('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: 2024-01-01T00:00:00Z\ndata:\n  on: yes\nimmutable: on\nmode: 0644\n');
    expect(v).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: '2024-01-01T00:00:00Z' }, data: { true: true }, immutable: true, mode: 420 });
  });

  it('reads JSON bodies (what kubectl --server-side sends) and treats an empty body as {}', () => {
    expect(decodeApplyPatch(Buffer.from('{"kind":"ConfigMap","data":{"a":"1"}}'))).toEqual({ kind: 'ConfigMap', data: { a: '1' } });
    expect(decodeApplyPatch('')).toEqual({});
  });

  it('refuses duplicate keys and non-objects with 400 error decoding patch', () => {
    expect(message(() => decodeApplyPatch('a: 1\na: 2\n'))).toMatch(/^error decoding patch: yaml: /);
    expect(message(() => decodeApplyPatch('"x"'))).toBe('error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}');
  });
});

describe('decodeJsonPatch() and decodeStrategicPatch()', () => {
  it('accepts an array of operations, and null as no operations', () => {
    expect(decodeJsonPatch('[{"op":"remove","path":"/a"}]')).toEqual([{ op: 'remove', path: '/a' }]);
    expect(decodeJsonPatch('null')).toEqual([]);
  });

  it('refuses a non-object operation', () => {
    expect(message(() => decodeJsonPatch('["add"]'))).toBe('error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp');
  });

  it('reports strategic patch syntax errors without a prefix, as kube does', () => {
    expect(message(() => decodeStrategicPatch('{"a":1,}'))).toBe("invalid character '}' looking for beginning of object key string");
    expect(decodeStrategicPatch('null')).toEqual({});
  });
});

describe('goJsonError()', () => {
  it.each([
    ['', 'unexpected end of JSON input'],
    ['{"a":1', 'unexpected end of JSON input'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ['{"a":1}}', "invalid character '}' after top-level value"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
  ])('translates the error for %j', (src, want) => {
    let err: Error | undefined;
    try {
      JSON.parse(src);
    } catch (e) {
      err = e as Error;
    }
    expect(goJsonError(src, err!)).toBe(want);
  });
});
