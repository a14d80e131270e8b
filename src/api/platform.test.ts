import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { platformResources } from './platform.js';
import { strictDecodingMessage } from './schema/field-validation.js';
import { SchemaRegistry } from './schema/resolver.js';
import { validateNode } from './schema/schema-validator.js';
import { findUnknownFields } from './schema/unknown-fields.js';
import type { FieldCause, JSONSchema, KubeObject, ResourceDef } from './types.js';

/** The story's API manifests, copied into the repo (test/fixtures/story). */
const MANIFESTS = new URL('../../test/fixtures/story', import.meta.url).pathname;
/** Installer inputs (01, 24, 25) and fragments (14, 20) are not API objects. */
const SKIP = /^(01|14|20|24|25)-/;
/** Built-in kinds the lead serves; the story uses these besides the platform kinds. */
const BUILT_IN_GROUPS = new Set(['', 'storage.k8s.io', 'networking.k8s.io', 'rbac.authorization.k8s.io']);

interface Finding { unknown: string[]; missing: string[]; wrongType: string[] }

/** Walks a value against a structural schema: unknown fields, missing required ones, scalar type mismatches. */
function walk(schema: JSONSchema, value: unknown, path: string, defs: Record<string, JSONSchema>, out: Finding): void {
  const ref = schema.$ref as string | undefined;
  if (ref) return walk(defs[ref.replace('#/components/schemas/', '')] ?? {}, value, path, defs, out);
  if (value === null || value === undefined) return;
  if (schema['x-kubernetes-int-or-string']) {
    if (typeof value !== 'string' && typeof value !== 'number') out.wrongType.push(path);
    return;
  }
  const type = schema.type as string | undefined;
  if (type === 'array') {
    if (!Array.isArray(value)) return void out.wrongType.push(path);
    value.forEach((v, i) => walk((schema.items ?? {}) as JSONSchema, v, `${path}[${i}]`, defs, out));
    return;
  }
  if (type === 'object') {
    if (typeof value !== 'object' || Array.isArray(value)) return void out.wrongType.push(path);
    const props = (schema.properties ?? {}) as Record<string, JSONSchema>;
    const extra = schema.additionalProperties as JSONSchema | boolean | undefined;
    const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
    for (const req of (schema.required ?? []) as string[]) {
      if (!(req in (value as object))) out.missing.push(path ? `${path}.${req}` : req);
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // Root TypeMeta/ObjectMeta are checked by the API server's ObjectMeta handling, not the CRD schema.
      if (path === '' && (k === 'apiVersion' || k === 'kind' || k === 'metadata')) continue;
      const p = path ? `${path}.${k}` : k;
      if (props[k]) walk(props[k], v, p, defs, out);
      else if (extra && typeof extra === 'object') walk(extra, v, p, defs, out);
      else if (!preserve) out.unknown.push(p);
    }
    return;
  }
  const ok = type === 'string' ? typeof value === 'string'
    : type === 'integer' ? Number.isInteger(value)
      : type === 'number' ? typeof value === 'number'
        : type === 'boolean' ? typeof value === 'boolean' : true;
  if (!ok) out.wrongType.push(path);
}

function check(def: ResourceDef, obj: KubeObject): Finding {
  const out: Finding = { unknown: [], missing: [], wrongType: [] };
  walk(def.schema, obj, '', def.definitions ?? {}, out);
  return out;
}

function findDef(apiVersion: string, kind: string): ResourceDef | undefined {
  return platformResources.find((d) => `${d.group}/${d.version}` === apiVersion && d.kind === kind);
}

/** Every API object of the story, with its file. */
function storyObjects(): { file: string; obj: KubeObject }[] {
  const objects: { file: string; obj: KubeObject }[] = [];
  for (const file of readdirSync(MANIFESTS).filter((f) => f.endsWith('.yaml') && !SKIP.test(f)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(MANIFESTS, file), 'utf8'))) {
      const obj = doc.toJS() as KubeObject | null;
      if (obj) objects.push({ file, obj });
    }
  }
  return objects;
}

/** What the real platform does with each story object: unknown fields rejected by Strict decoding, or webhook/schema causes. */
const EXPECTED_UNKNOWN: Record<string, string[]> = {
  '11-vm-test-win-01.yaml': ['spec.template.spec.domain.features.hyperv.stimer'],
  '18-storagecluster-encryption.yaml': ['spec.encryption.kms.connectionDetails', 'spec.encryption.kms.tokenSecretName'],
  '26-hyperconverged.yaml': ['spec.workloadEvaluationFrequency'],
};
const EXPECTED_MISSING: Record<string, string[]> = {
  '13-vm-test-linux-02-clone.yaml': ['spec.template.spec.domain'],
};
const EXPECTED_CAUSES: Record<string, FieldCause[]> = {
  '10-vm-test-linux-01.yaml': [{
    reason: 'FieldValueInvalid',
    field: 'spec.template.spec.domain',
    message: 'spec.template.spec.domain has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.',
  }],
  '13-vm-test-linux-02-clone.yaml': [{ reason: 'FieldValueRequired', field: 'spec.template.spec.domain', message: 'Required value' }],
};

describe('platformResources', () => {
  it('serves each group/version/kind and group/version/plural once', () => {
    const gvk = platformResources.map((d) => `${d.group}/${d.version}/${d.kind}`);
    const gvr = platformResources.map((d) => `${d.group}/${d.version}/${d.plural}`);
    expect(new Set(gvk).size).toBe(gvk.length);
    expect(new Set(gvr).size).toBe(gvr.length);
  });

  it('gives every short name to one resource only', () => {
    const owners = new Map<string, string>();
    for (const d of platformResources) {
      for (const s of d.shortNames ?? []) {
        const res = `${d.group}/${d.plural}`;
        expect(owners.get(s) ?? res, `short name ${s}`).toBe(res);
        owners.set(s, res);
      }
    }
  });

  it('has structural schemas: every node typed, and serializable', () => {
    const untyped: string[] = [];
    const visit = (s: JSONSchema, p: string): void => {
      if (!s.type && !s['x-kubernetes-int-or-string'] && !s.$ref) untyped.push(p);
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, JSONSchema>)) visit(v, `${p}.${k}`);
      if (s.items) visit(s.items as JSONSchema, `${p}[]`);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') visit(s.additionalProperties as JSONSchema, `${p}{}`);
    };
    for (const d of platformResources) visit(d.schema, d.kind);
    expect(untyped).toEqual([]);
    expect(() => JSON.stringify(platformResources.map((d) => d.schema))).not.toThrow();
  });
});

describe('story manifests against the platform schemas', () => {
  const objects = storyObjects();

  it('finds every story object among the platform or built-in kinds', () => {
    expect(objects.length).toBeGreaterThan(20);
    for (const { file, obj } of objects) {
      const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0]! : '';
      if (BUILT_IN_GROUPS.has(group)) continue;
      expect(findDef(obj.apiVersion, obj.kind), `${file}: ${obj.apiVersion} ${obj.kind}`).toBeDefined();
    }
  });

  it('declares every field the story uses, except the ones the real APIs lack', () => {
    for (const { file, obj } of objects) {
      const def = findDef(obj.apiVersion, obj.kind);
      if (!def) continue;
      const f = check(def, obj);
      expect(f.unknown, `${file} unknown fields`).toEqual(EXPECTED_UNKNOWN[file] ?? []);
      expect(f.missing, `${file} missing required fields`).toEqual(EXPECTED_MISSING[file] ?? []);
      expect(f.wrongType, `${file} type mismatches`).toEqual([]);
    }
  });

  it('admits or rejects each object as the platform webhooks do', () => {
    for (const { file, obj } of objects) {
      const def = findDef(obj.apiVersion, obj.kind);
      if (!def?.validate) continue;
      // A webhook's denial is thrown (see kubevirt/webhook-denial.ts); its causes are in the Status details.
      let causes;
      try {
        causes = def.validate(structuredClone(obj), { operation: 'CREATE' });
      } catch (e) {
        causes = (e as { details?: { causes?: unknown } }).details?.causes;
      }
      expect(causes, file).toEqual(EXPECTED_CAUSES[file] ?? []);
    }
  });

  it('reads legacy-billing-app back as applied plus the mutator defaults', () => {
    const { obj } = objects.find((o) => o.file.startsWith('27-'))!;
    const copy = structuredClone(obj);
    findDef(obj.apiVersion, obj.kind)!.defaults!(copy, { operation: 'CREATE' });
    const spec = (copy.spec as { template: { spec: Record<string, any> } }).template.spec;
    expect(spec.architecture).toBe('amd64');
    expect(spec.domain.machine).toEqual({ type: 'q35' });
    delete spec.architecture;
    delete spec.domain.machine;
    expect(copy).toEqual(obj);
  });
});

describe('story manifests through the API server validation engine (src/api/schema)', () => {
  const objects = storyObjects();
  const registry = new SchemaRegistry();

  it('reports the same unknown fields and the strict decoding message kube prints', () => {
    for (const { file, obj } of objects) {
      const def = findDef(obj.apiVersion, obj.kind);
      if (!def) continue;
      expect(findUnknownFields(structuredClone(obj), def.schema, registry), file).toEqual(EXPECTED_UNKNOWN[file] ?? []);
    }
    expect(strictDecodingMessage(EXPECTED_UNKNOWN['11-vm-test-win-01.yaml']!))
      .toBe('strict decoding error: unknown field "spec.template.spec.domain.features.hyperv.stimer"');
  });

  it('finds only the missing domain of test-linux-02 invalid', () => {
    for (const { file, obj } of objects) {
      const def = findDef(obj.apiVersion, obj.kind);
      if (!def) continue;
      const errors = validateNode(obj, def.schema, '', { registry }).errors.map((e) => `${e.code} ${e.name}`);
      expect(errors, file).toEqual(file.startsWith('13-') ? ['required spec.template.spec.domain'] : []);
    }
  });
});
