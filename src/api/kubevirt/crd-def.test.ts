import { describe, expect, it } from 'vitest';
import { AGE_COLUMN, col, crd, crdSchemaName } from './crd-def.js';
import { obj, str } from './schema-kit.js';

describe('crdSchemaName()', () => {
  it('reverses the group as kube-apiserver names CRD definitions', () => {
    expect(crdSchemaName('kubevirt.io', 'v1', 'VirtualMachine')).toBe('io.kubevirt.v1.VirtualMachine');
    expect(crdSchemaName('cdi.kubevirt.io', 'v1beta1', 'DataVolume')).toBe('io.kubevirt.cdi.v1beta1.DataVolume');
  });
});

describe('crd()', () => {
  it('builds the root schema with TypeMeta, metadata, spec and status', () => {
    const def = crd({ group: 'example.io', version: 'v1', kind: 'Widget', plural: 'widgets', namespaced: true, spec: obj({ size: str() }), required: ['spec'] });
    expect(Object.keys(def.schema.properties as object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(def.schema.required).toEqual(['spec']);
    expect(def.singular).toBe('widget');
    expect(def.strategicMerge).toBe(false);
  });

  it('adds the Age column only when the kind declares none', () => {
    const bare = crd({ group: 'example.io', version: 'v1', kind: 'A', plural: 'as', namespaced: false });
    const withCols = crd({ group: 'example.io', version: 'v1', kind: 'B', plural: 'bs', namespaced: false, columns: [col('Phase', 'string', '.status.phase')] });
    expect(bare.printerColumns).toEqual([AGE_COLUMN]);
    expect(withCols.printerColumns.map((c) => c.name)).toEqual(['Phase']);
  });
});
