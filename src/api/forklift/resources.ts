/**
 * forklift.konveyor.io/v1beta1 (MTV): Provider, NetworkMap, StorageMap, Plan, Migration, Host,
 * Hook. Field names from kubev2v/forklift `pkg/apis/forklift/v1beta1/` (see kubevirt.md §4).
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { objectRef } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int64, map, obj, oneOf, str, time } from '../kubevirt/schema-kit.js';
import { planSpecSchema, vmStatusSchema } from './plan-schema.js';

const G = 'forklift.konveyor.io';
const V = 'v1beta1';
const AGE = col('AGE', 'date', '.metadata.creationTimestamp');
const cond = (name: string, type: string) => col(name, 'string', `.status.conditions[?(@.type=='${type}')].status`);

/** Forklift's condition (adds category, items, durable to the usual fields). */
export function forkliftConditions(): JSONSchema {
  return arr(obj({
    type: str(), status: str(), category: str(), reason: str(), message: str(),
    lastTransitionTime: time(), items: arr(str()), durable: bool(),
  }, ['type', 'status', 'category']));
}

const ref = (): JSONSchema => obj({ id: str(), name: str(), namespace: str(), type: str() });
const providerPair = () => obj({ source: objectRef(), destination: objectRef() }, ['source', 'destination']);
const mapStatus = () => obj({ conditions: forkliftConditions(), observedGeneration: int64(), references: arr(ref()) });
const simpleStatus = () => obj({ conditions: forkliftConditions(), observedGeneration: int64() });

/** Provider. */
export const providerDef: ResourceDef = crd({
  group: G, version: V, kind: 'Provider', plural: 'providers', namespaced: true, subresources: ['status'],
  spec: obj({
    type: oneOf('openshift', 'vsphere', 'ovirt', 'openstack', 'ova', 'ec2', 'hyperv', 'nutanix'),
    url: str(),
    secret: objectRef(),
    settings: map(),
  }, ['type']),
  status: obj({
    phase: str(), conditions: forkliftConditions(), observedGeneration: int64(), fingerprint: str(), service: objectRef(),
  }),
  columns: [
    col('TYPE', 'string', '.spec.type'),
    col('STATUS', 'string', '.status.phase'),
    cond('READY', 'Ready'),
    cond('CONNECTED', 'ConnectionTestSucceeded'),
    cond('INVENTORY', 'InventoryCreated'),
    col('URL', 'string', '.spec.url'),
    AGE,
  ],
});

/** NetworkMap: source networks to pod, multus (a NAD) or ignored. */
export const networkMapDef: ResourceDef = crd({
  group: G, version: V, kind: 'NetworkMap', plural: 'networkmaps', namespaced: true, subresources: ['status'],
  spec: obj({
    map: arr(obj({
      source: ref(),
      destination: obj({ type: oneOf('pod', 'multus', 'ignored'), name: str(), namespace: str() }, ['type']),
    }, ['source', 'destination'])),
    provider: providerPair(),
  }, ['map', 'provider']),
  status: mapStatus(),
  columns: [cond('READY', 'Ready'), AGE],
});

/** StorageMap: source datastores/disks to storage classes. */
export const storageMapDef: ResourceDef = crd({
  group: G, version: V, kind: 'StorageMap', plural: 'storagemaps', namespaced: true, subresources: ['status'],
  spec: obj({
    map: arr(obj({
      source: ref(),
      destination: obj({ storageClass: str(), volumeMode: str(), accessMode: str() }, ['storageClass']),
      offloadPlugin: obj({ vsphereXcopyConfig: obj({ secretRef: str(), storageVendorProduct: str() }) }),
    }, ['source', 'destination'])),
    provider: providerPair(),
  }, ['map', 'provider']),
  status: mapStatus(),
  columns: [cond('READY', 'Ready'), AGE],
});

/** Plan. */
export const planDef: ResourceDef = crd({
  group: G, version: V, kind: 'Plan', plural: 'plans', namespaced: true, subresources: ['status'],
  spec: planSpecSchema,
  status: obj({
    conditions: forkliftConditions(), observedGeneration: int64(),
    migration: obj({ started: time(), completed: time(), history: arr(free()), vms: arr(vmStatusSchema) }),
  }),
  columns: [cond('READY', 'Ready'), cond('EXECUTING', 'Executing'), cond('SUCCEEDED', 'Succeeded'), cond('FAILED', 'Failed'), AGE],
});

/** Migration: one run of a Plan. */
export const migrationDef: ResourceDef = crd({
  group: G, version: V, kind: 'Migration', plural: 'migrations', namespaced: true, subresources: ['status'],
  spec: obj({ plan: objectRef(), cancel: arr(ref()), cutover: time() }, ['plan']),
  status: obj({
    conditions: forkliftConditions(), observedGeneration: int64(), started: time(), completed: time(), vms: arr(vmStatusSchema),
  }),
  columns: [cond('READY', 'Ready'), cond('RUNNING', 'Running'), cond('SUCCEEDED', 'Succeeded'), cond('FAILED', 'Failed'), AGE],
});

/** Host (an ESXi host with its own credentials for direct transfer). */
export const hostDef: ResourceDef = crd({
  group: G, version: V, kind: 'Host', plural: 'hosts', namespaced: true, subresources: ['status'],
  spec: obj({ id: str(), name: str(), provider: objectRef(), ipAddress: str(), secret: objectRef() }, ['provider', 'ipAddress', 'secret']),
  status: simpleStatus(),
  columns: [cond('READY', 'Ready'), AGE],
});

/** Hook (an Ansible/container step before or after a VM's migration). */
export const hookDef: ResourceDef = crd({
  group: G, version: V, kind: 'Hook', plural: 'hooks', namespaced: true, subresources: ['status'],
  spec: obj({ serviceAccount: str(), image: str(), playbook: str(), deadline: int64() }, ['image']),
  status: simpleStatus(),
  columns: [col('IMAGE', 'string', '.spec.image'), AGE],
});

/** Every forklift.konveyor.io kind served. */
export const forkliftResources: ResourceDef[] = [providerDef, networkMapDef, storageMapDef, planDef, migrationDef, hostDef, hookDef];
