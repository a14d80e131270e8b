/** Resource references of the ODF/Rook kinds the storage controllers use. */
import type { ResourceRef } from '../../client/client.js';

/** ocs.openshift.io/v1 StorageClusters. */
export const STORAGE_CLUSTERS: ResourceRef = { group: 'ocs.openshift.io', version: 'v1', plural: 'storageclusters', namespaced: true };
/** ceph.rook.io/v1 CephClusters. */
export const CEPH_CLUSTERS: ResourceRef = { group: 'ceph.rook.io', version: 'v1', plural: 'cephclusters', namespaced: true };
/** ceph.rook.io/v1 CephBlockPools. */
export const CEPH_BLOCK_POOLS: ResourceRef = { group: 'ceph.rook.io', version: 'v1', plural: 'cephblockpools', namespaced: true };
/** core/v1 Nodes. */
export const NODES: ResourceRef = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
/** twin.ove.dev/v1alpha1 Faults. */
export const FAULTS: ResourceRef = { group: 'twin.ove.dev', version: 'v1alpha1', plural: 'faults', namespaced: false };
