import { beforeAll, describe, expect, it } from 'vitest';
import { builtinResources } from '../../api/builtin.js';
import { builtinSchemas } from '../../api/meta/builtin-schema.js';
import { platformResources } from '../../api/platform.js';
import { twinResources } from '../../api/twin/fault.js';
import type { JSONSchema } from '../../api/types.js';
import { crdToResourceDefs } from '../registry/crd-defs.js';
import { ResourceRegistry } from '../registry/resource-registry.js';
import { openapiV2DocumentType } from './gnostic-v2-proto.js';
import { OpenApiV3 } from './openapi-v3.js';

type Msg = any;

/** The server's registry and schemas, composed as src/cmd/control-plane.ts does. */
function serverOpenApi() {
  const registry = new ResourceRegistry([...builtinResources, ...platformResources, ...twinResources]);
  const components = new Map<string, JSONSchema>(Object.entries(builtinSchemas));
  for (const r of registry.all()) for (const [n, s] of Object.entries(r.definitions ?? {})) components.set(n, s);
  return { registry, components, v3: new OpenApiV3(registry, components) };
}

const decode = (bytes: Uint8Array): Msg => openapiV2DocumentType().toObject(openapiV2DocumentType().decode(bytes), { defaults: false });
const definition = (doc: Msg, name: string) => doc.definitions.additional_properties.find((d: Msg) => d.name === name)?.value;
const ext = (m: Msg, name: string) => {
  const e = (m.vendor_extension ?? []).find((x: Msg) => x.name === name);
  return e && JSON.parse(e.value.yaml);
};
const patchOf = (doc: Msg, path: string) => doc.paths.path.find((p: Msg) => p.name === path)?.value.patch;

/** Every schema in a definition, with its JSON-ish path (properties, items, additionalProperties). */
function* schemasIn(s: Msg, path: string): Generator<[string, Msg]> {
  yield [path, s];
  for (const p of s.properties?.additional_properties ?? []) yield* schemasIn(p.value, `${path}.${p.name}`);
  for (const i of s.items?.schema ?? []) yield* schemasIn(i, `${path}[]`);
  if (s.additional_properties?.schema) yield* schemasIn(s.additional_properties.schema, `${path}{}`);
}

let doc: Msg;
let bytes: Uint8Array;

beforeAll(() => {
  bytes = serverOpenApi().v3.v2.encoded().bytes;
  doc = decode(bytes);
});

describe('OpenAPI v2 document (gnostic protobuf)', () => {
  it('decodes as an openapi_v2.Document with kube-named definitions and GVK extensions', () => {
    expect(doc.swagger).toBe('2.0');
    expect(doc.info).toEqual({ title: 'Kubernetes', version: 'v1.32.0' });
    const cm = definition(doc, 'io.k8s.api.core.v1.ConfigMap');
    expect(ext(cm, 'x-kubernetes-group-version-kind')).toEqual([{ group: '', kind: 'ConfigMap', version: 'v1' }]);
    expect(cm.type.value).toEqual(['object']);
    const props = Object.fromEntries(cm.properties.additional_properties.map((p: Msg) => [p.name, p.value]));
    expect(props.metadata._ref).toBe('#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(props.data.additional_properties.schema.type.value).toEqual(['string']);
    const vm = definition(doc, 'io.kubevirt.v1.VirtualMachine');
    expect(ext(vm, 'x-kubernetes-group-version-kind')).toEqual([{ group: 'kubevirt.io', kind: 'VirtualMachine', version: 'v1' }]);
    expect(ext(definition(doc, 'io.kubevirt.v1.VirtualMachineList'), 'x-kubernetes-group-version-kind')).toEqual([{ group: 'kubevirt.io', kind: 'VirtualMachineList', version: 'v1' }]);
  });

  it('has the shape kube-openapi parses: refs resolve and carry no type, arrays have one item schema, one known type', () => {
    const names = new Set(doc.definitions.additional_properties.map((d: Msg) => d.name));
    const problems: string[] = [];
    for (const d of doc.definitions.additional_properties) {
      for (const [path, s] of schemasIn(d.value, d.name)) {
        const types: string[] = s.type?.value ?? [];
        if (s._ref !== undefined) {
          if (!s._ref.startsWith('#/definitions/') || !names.has(s._ref.slice('#/definitions/'.length))) problems.push(`${path}: dangling ${s._ref}`);
          if (types.length || s.properties) problems.push(`${path}: reference with a type or properties`);
        }
        if (types.length > 1) problems.push(`${path}: ${types.length} types`);
        if (types[0] && !['object', 'array', 'string', 'integer', 'number', 'boolean'].includes(types[0])) problems.push(`${path}: type ${types[0]}`);
        if (types[0] === 'array' && s.items?.schema?.length !== 1) problems.push(`${path}: array without exactly one item schema`);
      }
    }
    expect(problems).toEqual([]);
    expect(names.size).toBeGreaterThan(400);
  });

  it('publishes IntOrString and Quantity as strings, as kube’s v2 does', () => {
    expect(definition(doc, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toMatchObject({ type: { value: ['string'] }, format: 'int-or-string' });
    expect(definition(doc, 'io.k8s.apimachinery.pkg.api.resource.Quantity').type).toEqual({ value: ['string'] });
  });

  it('keeps patch-strategy extensions kubectl needs for strategic merge', () => {
    const spec = definition(doc, 'io.k8s.api.core.v1.PodSpec');
    const containers = spec.properties.additional_properties.find((p: Msg) => p.name === 'containers').value;
    expect(ext(containers, 'x-kubernetes-patch-strategy')).toBe('merge');
    expect(ext(containers, 'x-kubernetes-patch-merge-key')).toBe('name');
  });

  it('lists strategic merge in PATCH consumes for built-ins only', () => {
    const cm = patchOf(doc, '/api/v1/namespaces/{namespace}/configmaps/{name}');
    expect(ext(cm, 'x-kubernetes-group-version-kind')).toEqual({ group: '', version: 'v1', kind: 'ConfigMap' });
    expect(cm.consumes).toContain('application/strategic-merge-patch+json');
    expect(cm.parameters.map((p: Msg) => p.parameter.body_parameter?.name ?? p.parameter.non_body_parameter.query_parameter_sub_schema.name)).toEqual([
      'body', 'dryRun', 'fieldManager', 'fieldValidation', 'force',
    ]);
    const vm = patchOf(doc, '/apis/kubevirt.io/v1/namespaces/{namespace}/virtualmachines/{name}');
    expect(ext(vm, 'x-kubernetes-group-version-kind')).toEqual({ group: 'kubevirt.io', version: 'v1', kind: 'VirtualMachine' });
    expect(vm.consumes).toEqual(['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml']);
    const item = doc.paths.path.find((p: Msg) => p.name === '/apis/kubevirt.io/v1/namespaces/{namespace}/virtualmachines/{name}').value;
    expect(item.parameters.map((p: Msg) => p.parameter.non_body_parameter.path_parameter_sub_schema.name)).toEqual(['namespace', 'name']);
    expect(item.get.consumes).toEqual(['*/*']);
  });

  it('is cached, and rebuilt with the new kind after a CRD is served', () => {
    const { registry, components, v3 } = serverOpenApi();
    const first = v3.v2.encoded();
    expect(v3.v2.encoded()).toBe(first);
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'gadgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Gadget', plural: 'gadgets', singular: 'gadget', listKind: 'GadgetList' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', nullable: true } } } } } } }] },
    };
    for (const def of crdToResourceDefs(crd as never)) {
      for (const [n, s] of Object.entries(def.definitions ?? {})) components.set(n, s);
      registry.add(def, true);
    }
    const second = v3.v2.encoded();
    expect(second).not.toBe(first);
    expect(second.etag).not.toBe(first.etag);
    const gadget = definition(decode(second.bytes), 'com.example.v1.Gadget');
    expect(ext(gadget, 'x-kubernetes-group-version-kind')).toEqual([{ group: 'example.com', kind: 'Gadget', version: 'v1' }]);
    const spec = gadget.properties.additional_properties.find((p: Msg) => p.name === 'spec').value;
    // nullable: kube publishes the field to v2 without a type (apiextensions ToStructuralOpenAPIV2).
    expect(spec.properties.additional_properties).toEqual([{ name: 'size', value: {} }]);
    expect(patchOf(decode(second.bytes), '/apis/example.com/v1/namespaces/{namespace}/gadgets/{name}').consumes).not.toContain('application/strategic-merge-patch+json');
  });
});
