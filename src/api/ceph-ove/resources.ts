/**
 * ceph.ove.dev/v1alpha1 CephCommand: a create-only virtual resource through which `ove ceph`
 * and `ove rbd` run a command against the storage engine in the server (nothing is stored;
 * RBAC guards it as `create cephcommands.ceph.ove.dev`).
 */
import type { ResourceDef } from '../types.js';
import { crd } from '../kubevirt/crd-def.js';
import { int, obj, str, strs } from '../kubevirt/schema-kit.js';

/** The CephCommand resource (cluster-scoped, create only). */
export const cephCommandDef: ResourceDef = {
  ...crd({
    group: 'ceph.ove.dev', version: 'v1alpha1', kind: 'CephCommand', plural: 'cephcommands', namespaced: false,
    spec: obj({ tool: str({ enum: ['ceph', 'rbd', 'fio'] }), args: strs(), format: str({ enum: ['plain', 'json', 'json-pretty'] }) }, ['args']),
    status: obj({ output: str(), exitCode: int(), nowMs: int() }),
  }),
  verbs: ['create'],
  tracksGeneration: false,
};

/** ceph.ove.dev kinds served. */
export const cephOveResources: ResourceDef[] = [cephCommandDef];
