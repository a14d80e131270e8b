/**
 * Every built-in kind ove serves, and the two table quirks `ResourceDef` cannot express:
 * events have no implied NAME column, and a default StorageClass's NAME cell reads `<name> (default)`.
 */
import type { KubeObject, ResourceDef } from './types.js';
import { canonicalizeQuantities, hasQuantities } from './meta/canonicalize-quantities.js';
import { apiextensionsResources } from './apiextensions/custom-resource-definition.js';
import { appsResources } from './apps/index.js';
import { authenticationResources } from './authentication/index.js';
import { authorizationResources } from './authorization/index.js';
import { batchResources } from './batch/index.js';
import { coordinationResources } from './coordination/lease.js';
import { coreResources } from './core/index.js';
import { eventsV1EventDef } from './events/event.js';
import { networkingResources } from './networking/index.js';
import { policyResources } from './policy/pod-disruption-budget.js';
import { rbacResources } from './rbac/index.js';
import { schedulingResources } from './scheduling/priority-class.js';
import { snapshotResources } from './snapshot/index.js';
import { storageClassNameCell } from './storage/storage-class.js';
import { storageResources } from './storage/index.js';

/** Makes a def canonicalize its Quantity fields (`cpu: 0.5` -> `500m`) before its own defaults. */
export function withCanonicalQuantities(def: ResourceDef): ResourceDef {
  if (!hasQuantities(def.schemaName)) return def;
  const own = def.defaults;
  return {
    ...def,
    defaults: (obj, ctx) => {
      canonicalizeQuantities(obj, def.schemaName);
      own?.(obj, ctx);
    },
  };
}

/** All built-in ResourceDefs. */
export const builtinResources: ResourceDef[] = [
  ...coreResources,
  eventsV1EventDef,
  ...appsResources,
  ...batchResources,
  ...coordinationResources,
  ...rbacResources,
  ...storageResources,
  ...snapshotResources,
  ...policyResources,
  ...schedulingResources,
  ...networkingResources,
  ...authorizationResources,
  ...authenticationResources,
  ...apiextensionsResources,
].map(withCanonicalQuantities);

/** `<group>/<plural>` keys (`/events` for core) of kinds whose Table has no implied leading NAME column. */
export const tablesWithoutNameColumn = new Set(['/events', 'events.k8s.io/events']);

/** `<group>/<plural>` -> the NAME cell, for kinds where it is not just `metadata.name`. */
export const tableNameCells: Record<string, (obj: KubeObject) => string> = {
  'storage.k8s.io/storageclasses': storageClassNameCell,
};
