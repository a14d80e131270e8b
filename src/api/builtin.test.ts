import { describe, it, expect } from 'vitest';
import { builtinResources, tableNameCells, tablesWithoutNameColumn } from './builtin.js';
import { builtinSchemas, directRefs } from './meta/builtin-schema.js';
import { FIELD_TAGS, QUANTITY_FIELDS } from './meta/list-tags.js';
import type { KubeObject } from './types.js';

const key = (d: { group: string; plural: string }) => `${d.group}/${d.plural}`;

describe('builtinResources', () => {
  it('has one def per group/plural', () => {
    const keys = builtinResources.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(46);
  });

  it.each(builtinResources.map((d) => [key(d), d] as const))('%s: schema and refs resolve', (_k, def) => {
    const known = { ...builtinSchemas, ...(def.definitions ?? {}), [def.schemaName]: def.schema };
    expect(known[def.schemaName]).toBeDefined();
    if (!def.schemaName.startsWith('io.k8s.storage.snapshot')) expect(builtinSchemas[def.schemaName]).toBe(def.schema);
    const gvk = (def.schema['x-kubernetes-group-version-kind'] as { group: string; kind: string; version: string }[])[0];
    expect(gvk).toEqual({ group: def.group, kind: def.kind, version: def.version });
    const pending = [...directRefs(def.schema)];
    for (const r of pending) expect(def.definitions?.[r], `${r} missing from definitions`).toBeDefined();
  });

  it.each(builtinResources.filter((d) => d.cells).map((d) => [key(d), d] as const))('%s: cells() matches printerColumns', (_k, def) => {
    const obj: KubeObject = { apiVersion: def.group ? `${def.group}/${def.version}` : def.version, kind: def.kind, metadata: { name: 'x', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' } };
    expect(def.cells!(obj, Date.parse('2026-01-01T00:05:00Z'))).toHaveLength(def.printerColumns.length);
  });

  it('lists NAME only where kube-apiserver does', () => {
    for (const d of builtinResources) {
      const names = d.printerColumns.map((c) => c.name);
      expect(names.includes('Name')).toBe(tablesWithoutNameColumn.has(key(d)));
    }
  });

  it('marks the default storage class in its NAME cell', () => {
    const sc: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ceph-rbd', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } };
    expect(tableNameCells['storage.k8s.io/storageclasses'](sc)).toBe('ceph-rbd (default)');
  });

  it('puts pods, services and workloads in the all category', () => {
    const all = builtinResources.filter((d) => d.categories?.includes('all')).map(key).sort();
    expect(all).toEqual(['/pods', '/services', 'apps/daemonsets', 'apps/deployments', 'apps/replicasets', 'apps/statefulsets', 'batch/cronjobs', 'batch/jobs']);
  });
});

describe('generated schemas', () => {
  it('resolve every $ref', () => {
    for (const [name, s] of Object.entries(builtinSchemas)) {
      for (const r of directRefs(s)) expect(builtinSchemas[r], `${name} -> ${r}`).toBeDefined();
    }
  });

  it('carry every tag and quantity field listed in list-tags.ts', () => {
    const prop = (k: string) => {
      const i = k.lastIndexOf('.');
      const type = k.slice(0, i);
      const pkg = type.startsWith('meta.') ? `io.k8s.apimachinery.pkg.apis.${type}` : type.startsWith('apiextensions.') ? `io.k8s.apiextensions-apiserver.pkg.apis.${type}` : `io.k8s.api.${type}`;
      return (builtinSchemas[pkg]?.properties as Record<string, Record<string, unknown>> | undefined)?.[k.slice(i + 1)];
    };
    for (const k of Object.keys(FIELD_TAGS)) expect(prop(k), k).toBeDefined();
    for (const k of QUANTITY_FIELDS) {
      if (k.startsWith('storage.v1.CSIStorageCapacity')) continue;
      expect(JSON.stringify(prop(k)), k).toContain('resource.Quantity');
    }
  });

  it('tags containers and ports for strategic merge', () => {
    const podSpec = builtinSchemas['io.k8s.api.core.v1.PodSpec'].properties as Record<string, Record<string, unknown>>;
    expect(podSpec.containers['x-kubernetes-patch-merge-key']).toBe('name');
    expect(podSpec.containers['x-kubernetes-list-type']).toBe('map');
    expect(podSpec.volumes['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    const ports = (builtinSchemas['io.k8s.api.core.v1.Container'].properties as Record<string, Record<string, unknown>>).ports;
    expect(ports['x-kubernetes-list-map-keys']).toEqual(['containerPort', 'protocol']);
    expect(builtinSchemas['io.k8s.api.core.v1.PodSpec'].required).toEqual(['containers']);
  });
});

describe('quantity canonicalization', () => {
  it('runs before the pod defaults, so requests copied from limits are canonical', () => {
    const podDef = builtinResources.find((d) => d.group === '' && d.plural === 'pods')!;
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: 0.25, memory: '2048Mi' } } }] } };
    podDef.defaults!(pod, { operation: 'CREATE' });
    expect((pod.spec as { containers: { resources: unknown }[] }).containers[0].resources).toEqual({ limits: { cpu: '250m', memory: '2Gi' }, requests: { cpu: '250m', memory: '2Gi' } });
  });
});
