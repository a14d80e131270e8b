import { describe, expect, it } from 'vitest';
import { SchemaRegistry, pruneUnknown } from '../schema/index.js';
import { builtinSchemas, schemaFields } from './builtin-schema.js';

describe('builtin schemas', () => {
  it('pruning a built-in keeps the contents of managedFields[].fieldsV1 (raw JSON in Go)', () => {
    const reg = new SchemaRegistry();
    for (const [n, s] of Object.entries(builtinSchemas)) reg.add(n, s);
    const { schema } = schemaFields('io.k8s.api.core.v1.ConfigMap');
    const fieldsV1 = { 'f:data': { 'f:a': {} } };
    const cm = {
      apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' },
      metadata: { name: 'x', managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1, bogus: 1 }] },
    };
    const pruned = pruneUnknown(cm, schema, reg, { builtin: true });
    expect(pruned).toEqual(['metadata.managedFields[0].bogus']);
    expect(cm.metadata.managedFields[0].fieldsV1).toEqual({ 'f:data': { 'f:a': {} } });
  });
});
