/**
 * Turns a CustomResourceDefinition into the ResourceDefs the server serves, one per
 * served version, as apiextensions-apiserver does: the version's openAPIV3Schema, its
 * additionalPrinterColumns (or the default Age column), status and scale subresources,
 * and selectableFields as field selectors.
 */
import type { JSONSchema, KubeObject, PrinterColumn, ResourceDef } from '../../api/types.js';
import { compileJsonPath, evaluate } from '../table/jsonpath.js';

interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: { openAPIV3Schema?: JSONSchema };
  subresources?: { status?: object; scale?: object };
  additionalPrinterColumns?: { name: string; type: PrinterColumn['type']; format?: string; description?: string; priority?: number; jsonPath: string }[];
  selectableFields?: { jsonPath: string }[];
}

/** The CRD fields this conversion reads. */
export interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  versions: CrdVersion[];
}

/** kube's OpenAPI name for a CR kind: reversed group, version, kind (`io.kubevirt.v1.VirtualMachine`). */
export function crdSchemaName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

/** The ResourceDefs of every served version of a CRD. */
export function crdToResourceDefs(crd: KubeObject): ResourceDef[] {
  const spec = crd.spec as CrdSpec;
  return spec.versions
    .filter((v) => v.served)
    .map((v) => {
      const columns = v.additionalPrinterColumns ?? [{ name: 'Age', type: 'date' as const, jsonPath: '.metadata.creationTimestamp' }];
      const subresources: string[] = [];
      if (v.subresources?.status) subresources.push('status');
      if (v.subresources?.scale) subresources.push('scale');
      const fieldSelectors: ResourceDef['fieldSelectors'] = {};
      for (const f of v.selectableFields ?? []) {
        const steps = compileJsonPath(f.jsonPath);
        fieldSelectors[f.jsonPath.replace(/^\./, '')] = (o) => {
          const r = evaluate(steps, o)[0];
          return r === undefined || r === null ? undefined : String(r);
        };
      }
      const def: ResourceDef = {
        group: spec.group,
        version: v.name,
        kind: spec.names.kind,
        listKind: spec.names.listKind ?? `${spec.names.kind}List`,
        plural: spec.names.plural,
        singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
        namespaced: spec.scope === 'Namespaced',
        shortNames: spec.names.shortNames,
        categories: spec.names.categories,
        subresources,
        schemaName: crdSchemaName(spec.group, v.name, spec.names.kind),
        schema: withRootFields(v.schema?.openAPIV3Schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }),
        strategicMerge: false,
        printerColumns: columns.map((c) => ({ name: c.name, type: c.type, format: c.format, description: c.description, priority: c.priority ?? 0, jsonPath: c.jsonPath })),
        fieldSelectors,
        tracksGeneration: true,
      };
      return def;
    });
}

/** apiVersion, kind and metadata are always allowed at a CR's root (structural schema rules). */
function withRootFields(s: JSONSchema): JSONSchema {
  const props = { ...((s.properties as Record<string, JSONSchema>) ?? {}) };
  props.apiVersion ??= { type: 'string' };
  props.kind ??= { type: 'string' };
  props.metadata ??= { type: 'object' };
  return { ...s, type: s.type ?? 'object', properties: props };
}
