/**
 * Generates `src/api/generated/builtin-schemas.json`: OpenAPI v3 `components.schemas` for the
 * built-in kinds ove serves, keyed by Kubernetes' OpenAPI names (`io.k8s.api.core.v1.Pod`).
 *
 * Input: `@kubernetes/client-node` 1.4.0 (generated from Kubernetes 1.34's OpenAPI). Its model
 * classes carry `attributeTypeMap` (field, JSON name, TS type, format); its `.d.ts` files carry
 * descriptions and which fields are required; its `*V1Api.js` files tell which group/version
 * serves each kind. Patch/list tags and Quantity fields come from `src/api/meta/list-tags.ts`.
 *
 * Run: `node --import tsx scripts/gen-builtin-schemas.ts`
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ATOMIC_STRUCTS, FIELD_TAGS, QUANTITY_FIELDS } from '../src/api/meta/list-tags.js';

type Schema = Record<string, unknown>;
interface Attr { name: string; baseName: string; type: string; format: string }

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node/package.json'));
const genDir = join(pkgDir, 'dist', 'gen');
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Group/versions whose kinds ove serves; autoscaling/v1 only for the `scale` subresource. */
const SERVED = new Set(['/v1', 'apps/v1', 'coordination.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'storage.k8s.io/v1', 'policy/v1', 'networking.k8s.io/v1', 'authorization.k8s.io/v1', 'authentication.k8s.io/v1', 'apiextensions.k8s.io/v1', 'events.k8s.io/v1', 'batch/v1', 'scheduling.k8s.io/v1']);
const EXTRA_ROOTS = ['V1Scale', 'V1Eviction', 'AuthenticationV1TokenRequest', 'V1Binding', 'V1DeleteOptions', 'V1Status', 'V1WatchEvent'];

/** apimachinery meta/v1 types client-node models (pkg/apis/meta/v1/types.go). */
const META_TYPES = new Set(['APIGroup', 'APIGroupList', 'APIResource', 'APIResourceList', 'APIVersions', 'Condition', 'DeleteOptions', 'GroupVersionForDiscovery', 'LabelSelector', 'LabelSelectorRequirement', 'ListMeta', 'ManagedFieldsEntry', 'ObjectMeta', 'OwnerReference', 'Preconditions', 'ServerAddressByClientCIDR', 'Status', 'StatusCause', 'StatusDetails', 'WatchEvent']);
/** Types owned by a group other than the one that first reaches them. */
const PACKAGE_OVERRIDES: Record<string, string> = {
  V1Scale: 'io.k8s.api.autoscaling.v1', V1ScaleSpec: 'io.k8s.api.autoscaling.v1', V1ScaleStatus: 'io.k8s.api.autoscaling.v1',
  V1Eviction: 'io.k8s.api.policy.v1',
  V1TopologySelectorTerm: 'io.k8s.api.core.v1', V1TopologySelectorLabelRequirement: 'io.k8s.api.core.v1',
};
/** Named scalar schemas, as Kubernetes' OpenAPI defines them. */
const SCALARS: Record<string, Schema> = {
  [`${META}.Time`]: { type: 'string', format: 'date-time', description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.' },
  [`${META}.MicroTime`]: { type: 'string', format: 'date-time', description: 'MicroTime is version of Time with microsecond level precision.' },
  [`${META}.FieldsV1`]: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, description: 'FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }], description: 'IntOrString is a type that can hold an int32 or a string.' },
  // Quantity's JSON decoder accepts numbers as well as strings (resource/quantity.go UnmarshalJSON).
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'number' }, { type: 'string', pattern: '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$' }], description: 'Quantity is a fixed-point representation of a number, e.g. 100m, 1Gi.' },
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, description: 'RawExtension is used to hold extensions in external versions.' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': { 'x-kubernetes-preserve-unknown-fields': true, description: 'JSON represents any valid JSON value.' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': { 'x-kubernetes-preserve-unknown-fields': true, description: 'JSONSchemaPropsOrBool represents JSONSchemaProps or a boolean value.' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': { 'x-kubernetes-preserve-unknown-fields': true, description: 'JSONSchemaPropsOrArray represents a value that can either be a JSONSchemaProps or an array of JSONSchemaProps.' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus': { type: 'object', description: 'CustomResourceSubresourceStatus defines how to serve the status subresource for CustomResources.' },
};
/** client-node's `any` fields, by `<class>.<json name>`. */
const ANY_FIELDS: Record<string, string> = {
  'V1ControllerRevision.data': 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'V1WatchEvent.object': 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'V1ManagedFieldsEntry.fieldsV1': `${META}.FieldsV1`,
  'V1CustomResourceSubresources.status': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus',
  'V1JSONSchemaProps.default': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
  'V1JSONSchemaProps.example': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
  'V1JSONSchemaProps.additionalItems': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool',
  'V1JSONSchemaProps.additionalProperties': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool',
  'V1JSONSchemaProps.items': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray',
};

/** `rbac.authorization.k8s.io` -> `io.k8s.api.rbac.v1`, as Kubernetes names its Go packages. */
function packageOf(group: string, version: string): string {
  if (group === '') return `io.k8s.api.core.${version}`;
  if (group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}`;
  if (group === 'apiregistration.k8s.io') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${version}`;
  if (group === 'internal.apiserver.k8s.io') return `io.k8s.api.apiserverinternal.${version}`;
  return `io.k8s.api.${group.split('.')[0]}.${version}`;
}

/** Groups of the prefixes client-node puts on class names that collide across groups. */
const PREFIX_GROUPS: Record<string, string> = {
  Core: '', Events: 'events.k8s.io', Authentication: 'authentication.k8s.io', Rbac: 'rbac.authorization.k8s.io',
  Storage: 'storage.k8s.io', Discovery: 'discovery.k8s.io', Flowcontrol: 'flowcontrol.apiserver.k8s.io',
  Admissionregistration: 'admissionregistration.k8s.io', Apiextensions: 'apiextensions.k8s.io',
  Apiregistration: 'apiregistration.k8s.io', Resource: 'resource.k8s.io',
};

/** The package a group-prefixed class name (`AuthenticationV1TokenRequest`) states. */
function prefixedPackage(cls: string): string | undefined {
  const m = /^([A-Z][a-z]+)(V\d+(?:(?:alpha|beta)\d+)?)[A-Z]/.exec(cls);
  if (!m || !(m[1] in PREFIX_GROUPS)) return undefined;
  return packageOf(PREFIX_GROUPS[m[1]], m[2].toLowerCase());
}

/** `CoreV1Event` -> `Event`, `V1beta1Foo` -> `Foo`. */
function shortName(cls: string): string {
  return cls.replace(/^([A-Z][a-z]+(Apiserver)?)?V\d+((alpha|beta)\d+)?/, '');
}

/**
 * Field defaults kube's OpenAPI publishes from `+default=` markers in k8s.io/api (core/v1
 * types.go: ContainerPort.Protocol, ServicePort.Protocol, EndpointPort.Protocol are
 * `+default="TCP"`). They matter to server-side apply: list-map keys without a value take it.
 */
const FIELD_DEFAULTS: Record<string, unknown> = {
  'core.v1.ContainerPort.protocol': 'TCP',
  'core.v1.ServicePort.protocol': 'TCP',
  'core.v1.EndpointPort.protocol': 'TCP',
  'discovery.v1.EndpointPort.protocol': 'TCP',
};

async function loadModels(): Promise<Map<string, { attrs: Attr[]; dts: string }>> {
  const dir = join(genDir, 'models');
  const out = new Map<string, { attrs: Attr[]; dts: string }>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.js') || f === 'all.js' || f === 'ObjectSerializer.js') continue;
    const cls = f.slice(0, -3);
    const mod = await import(pathToFileURL(join(dir, f)).href);
    const c = mod[cls];
    if (!c?.attributeTypeMap) continue;
    out.set(cls, { attrs: c.attributeTypeMap, dts: readFileSync(join(dir, `${cls}.d.ts`), 'utf8') });
  }
  return out;
}

/** Kinds per served group/version, from the request paths and (de)serialized types of `*Api.js`. */
function kindsByGroupVersion(): Map<string, { group: string; version: string; types: Set<string> }> {
  const out = new Map<string, { group: string; version: string; types: Set<string> }>();
  for (const f of readdirSync(join(genDir, 'apis'))) {
    if (!/V\d+((alpha|beta)\d+)?Api\.js$/.test(f)) continue;
    const src = readFileSync(join(genDir, 'apis', f), 'utf8');
    const m = /'\/(api|apis\/([^/]+))\/(v\d+(?:(?:alpha|beta)\d+)?)\//.exec(src);
    if (!m) continue;
    const group = m[2] ?? '';
    const version = m[3];
    const types = new Set<string>();
    for (const t of src.matchAll(/serialize\([^;]*?"([A-Za-z0-9]+)", ""\)/g)) types.add(t[1]);
    out.set(`${group}/${version}`, { group, version, types });
  }
  return out;
}

/** Descriptions of the class and its fields, and its required fields, from the `.d.ts`. */
function parseDts(dts: string): { classDoc?: string; fieldDocs: Map<string, string>; required: Set<string> } {
  const fieldDocs = new Map<string, string>();
  const required = new Set<string>();
  const clean = (s: string) => s.split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim()).filter(Boolean).join(' ').replace(/\\(["'])/g, '$1');
  const classDoc = /\/\*\*\n((?:(?!\*\/)[\s\S])*?)\*\/\nexport declare class/.exec(dts)?.[1];
  for (const m of dts.matchAll(/(?:\/\*\*\n((?:(?!\*\/)[\s\S])*?)\*\/\n)?\s*'([^']+)'(\?)?: [^;]+;/g)) {
    if (m[1]) fieldDocs.set(m[2], clean(m[1]));
    if (!m[3]) required.add(m[2]);
  }
  return { classDoc: classDoc ? clean(classDoc) : undefined, fieldDocs, required };
}

async function main(): Promise<void> {
  const models = await loadModels();
  const gvs = kindsByGroupVersion();
  const pkg = new Map<string, string>();
  const gvk = new Map<string, { group: string; version: string; kind: string }>();
  const roots: string[] = [];
  // Core first: other groups embed core types (PodTemplateSpec, ObjectReference, ...).
  const order = [...gvs.keys()].filter((k) => SERVED.has(k)).sort((a, b) => (a === '/v1' ? -1 : b === '/v1' ? 1 : a.localeCompare(b)));
  for (const key of order) {
    const { group, version, types } = gvs.get(key)!;
    for (const t of types) {
      if (!models.has(t) || META_TYPES.has(shortName(t)) || PACKAGE_OVERRIDES[t] || t.startsWith('V1APIResource')) continue;
      const prefixed = prefixedPackage(t);
      if (prefixed && prefixed !== packageOf(group, version)) continue;
      if (!pkg.has(t)) pkg.set(t, packageOf(group, version));
      gvk.set(t, { group, version, kind: shortName(t) });
      roots.push(t);
    }
  }
  roots.push(...EXTRA_ROOTS);
  const schemas: Record<string, Schema> = {};
  const refName = (cls: string) => `${META_TYPES.has(shortName(cls)) ? META : PACKAGE_OVERRIDES[cls] ?? prefixedPackage(cls) ?? pkg.get(cls)}.${shortName(cls)}`;
  const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
  const usedScalars = new Set<string>();
  const scalar = (name: string) => { usedScalars.add(name); return ref(name); };
  const queue = [...roots];
  const seen = new Set<string>();

  const typeSchema = (t: string, format: string, owner: string, field: string, key: string): Schema => {
    const arr = /^Array<(.+)>$/.exec(t);
    if (arr) return { type: 'array', items: typeSchema(arr[1], format, owner, field, key) };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
    if (map) return { type: 'object', additionalProperties: typeSchema(map[1], format, owner, field, key) };
    if (QUANTITY_FIELDS.has(key)) return scalar('io.k8s.apimachinery.pkg.api.resource.Quantity');
    switch (t) {
      case 'string': return format === 'byte' ? { type: 'string', format: 'byte' } : format === 'date-time' ? scalar(`${META}.Time`) : { type: 'string' };
      case 'number': return format === 'double' ? { type: 'number', format: 'double' } : { type: 'integer', format: format || 'int32' };
      case 'boolean': return { type: 'boolean' };
      case 'Date': return scalar(`${META}.Time`);
      case 'V1MicroTime': return scalar(`${META}.MicroTime`);
      case 'IntOrString': return scalar('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
      case 'any': return scalar(ANY_FIELDS[`${owner}.${field}`] ?? 'io.k8s.apimachinery.pkg.runtime.RawExtension');
    }
    if (!models.has(t)) throw new Error(`unknown type ${t} at ${owner}.${field}`);
    queue.push(t);
    if (!pkg.has(t)) pkg.set(t, refName(owner).slice(0, -shortName(owner).length - 1));
    return ref(refName(t));
  };

  while (queue.length > 0) {
    const cls = queue.shift()!;
    if (seen.has(cls)) continue;
    seen.add(cls);
    const model = models.get(cls);
    if (!model) throw new Error(`no model ${cls}`);
    if (!pkg.has(cls) && !META_TYPES.has(shortName(cls)) && !PACKAGE_OVERRIDES[cls] && !prefixedPackage(cls)) throw new Error(`no package for ${cls}`);
    const name = refName(cls);
    const short = name.replace(/^io\.k8s\.(api\.|apimachinery\.pkg\.apis\.|apiextensions-apiserver\.pkg\.apis\.)/, '');
    const { classDoc, fieldDocs, required } = parseDts(model.dts);
    const properties: Record<string, Schema> = {};
    const req: string[] = [];
    for (const a of model.attrs) {
      const key = `${short}.${a.baseName}`;
      let s = typeSchema(a.type, a.format, cls, a.baseName, key);
      const doc = fieldDocs.get(a.name);
      const tags = FIELD_TAGS[key];
      const dflt = FIELD_DEFAULTS[key];
      if (doc || tags || dflt !== undefined) s = { ...s };
      if (dflt !== undefined) s.default = dflt;
      if (doc) s.description = doc;
      if (tags?.patchStrategy) s['x-kubernetes-patch-strategy'] = tags.patchStrategy;
      if (tags?.patchMergeKey) s['x-kubernetes-patch-merge-key'] = tags.patchMergeKey;
      if (tags?.listType) s['x-kubernetes-list-type'] = tags.listType;
      if (tags?.listMapKeys) s['x-kubernetes-list-map-keys'] = tags.listMapKeys;
      properties[a.baseName] = s;
      if (required.has(a.name)) req.push(a.baseName);
    }
    const schema: Schema = { type: 'object' };
    if (classDoc) schema.description = classDoc;
    schema.properties = properties;
    if (req.length > 0) schema.required = req;
    if (ATOMIC_STRUCTS.has(short)) schema['x-kubernetes-map-type'] = 'atomic';
    const k = gvk.get(cls);
    if (k) schema['x-kubernetes-group-version-kind'] = [{ group: k.group, kind: k.kind, version: k.version }];
    schemas[name] = schema;
  }
  for (const s of usedScalars) schemas[s] = SCALARS[s];
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
  const outDir = join(root, 'src', 'api', 'generated');
  mkdirSync(outDir, { recursive: true });
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const doc = { source: `@kubernetes/client-node ${version} models (Kubernetes 1.34 OpenAPI); regenerate with scripts/gen-builtin-schemas.ts`, components: { schemas: sorted } };
  writeFileSync(join(outDir, 'builtin-schemas.json'), JSON.stringify(doc) + '\n');
  console.log(`wrote ${Object.keys(sorted).length} schemas`);
}

await main();
