/**
 * Micro-benchmark of the write path's pure steps (no server): unknown-field walk, prune,
 * defaults, schema validation, managed-fields tracking on create and update, and the
 * no-op check of updates, on a Pod and a 1 KiB ConfigMap; prints µs of CPU per call.
 * `node --import tsx bench/api/write-steps.ts [--n 5000]`
 */
import { builtinResources } from '../../src/api/builtin.js';
import { builtinSchemas } from '../../src/api/meta/builtin-schema.js';
import { platformResources } from '../../src/api/platform.js';
import { twinResources } from '../../src/api/twin/fault.js';
import type { JSONSchema, KubeObject } from '../../src/api/types.js';
import { deepEqual } from '../../src/apiserver/handlers/prepare.js';
import { sameIgnoringTimes, sameIgnoringTimesByJson } from '../../src/apiserver/patch/same-object.js';
import { ResourceRegistry, type ServedResource } from '../../src/apiserver/registry/resource-registry.js';
import { buildSchemaRegistry, fieldManager, schemaOps } from '../../src/apiserver/schema-adapters.js';

const at = process.argv.indexOf('--n');
const N = at >= 0 ? Number(process.argv[at + 1]) : 5000;

const registry = new ResourceRegistry([...builtinResources, ...platformResources, ...twinResources]);
const components = new Map<string, JSONSchema>(Object.entries(builtinSchemas));
for (const r of registry.all()) for (const [n, s] of Object.entries(r.definitions ?? {})) components.set(n, s);
const schemas = buildSchemaRegistry(components);
const ops = schemaOps(schemas, () => Date.now());
const fields = fieldManager(ops, schemas, () => Date.now());

const pod = (): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', labels: { app: 'bench', tier: 'web' }, uid: 'u', creationTimestamp: '2024-01-01T00:00:00Z' },
    spec: {
      nodeName: 'nowhere',
      containers: [
        {
          name: 'main',
          image: 'registry.example/app:1.0',
          args: ['--port', '8080'],
          ports: [{ name: 'http', containerPort: 8080 }],
          env: [{ name: 'MODE', value: 'bench' }, { name: 'LEVEL', value: 'info' }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
        },
      ],
    },
  }) as KubeObject;
const configMap = (): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', labels: { app: 'bench' } }, data: { payload: 'x'.repeat(1024) } }) as KubeObject;

function time(name: string, f: () => void): void {
  for (let i = 0; i < N / 4; i++) f();
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) f();
  const d = process.cpuUsage(t0);
  console.log(`${name.padEnd(44)} ${((d.user + d.system) / N).toFixed(1).padStart(7)} µs`);
}

const copy = (o: KubeObject): KubeObject => JSON.parse(JSON.stringify(o)) as KubeObject;

for (const [kind, res, make] of [['pod', registry.byKind('v1', 'Pod')!, pod], ['configmap', registry.byKind('v1', 'ConfigMap')!, configMap]] as [string, ServedResource, () => KubeObject][]) {
  const base = make();
  ops.prune(res, base);
  ops.applyDefaults(res, base);
  const created = fields.update(res, undefined, copy(base), 'bench');
  // An update of a field the writer owns (the common controller write), and one adding a label.
  const owned = () => {
    const o = copy(created);
    if (kind === 'pod') (o.spec as { containers: { image: string }[] }).containers[0].image = 'registry.example/app:2.0';
    else (o as unknown as { data: Record<string, string> }).data.payload = 'y'.repeat(1024);
    return o;
  };
  const labelled = () => {
    const o = copy(created);
    o.metadata.labels = { ...o.metadata.labels, rev: '2' };
    return o;
  };
  time(`${kind} JSON copy (part of the rows below)`, () => copy(created));
  time(`${kind} unknown-field walk`, () => ops.unknownFields(res, make()));
  time(`${kind} prune`, () => ops.prune(res, make()));
  time(`${kind} defaults`, () => ops.applyDefaults(res, make()));
  time(`${kind} schema validation`, () => ops.validate(res, created));
  time(`${kind} managedFields on create`, () => fields.update(res, undefined, copy(base), 'bench'));
  time(`${kind} managedFields, update of owned field`, () => fields.update(res, created, owned(), 'bench'));
  time(`${kind} managedFields, update adding a label`, () => fields.update(res, created, labelled(), 'bench'));
  // The no-op check's worst case: an unchanged write, equal all the way down.
  const again = copy(created);
  again.metadata.resourceVersion = '99';
  time(`${kind} no-op check, JSON round trips`, () => sameIgnoringTimesByJson(created, again, deepEqual));
  time(`${kind} no-op check, one walk`, () => sameIgnoringTimes(created, again, deepEqual));
}
