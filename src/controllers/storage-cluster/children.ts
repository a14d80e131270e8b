/**
 * The objects ODF and Rook create for a StorageCluster, with deterministic names and owner
 * references: the CephCluster `<name>-cephcluster`, the default CephBlockPool
 * `<name>-cephblockpool`, the OSD claims, and the MON, MGR and OSD pods.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import { ownerRef } from '../persistent-volume/resources.js';
import { DEVICE_SET_LABEL, OSD_ID_LABEL, REPLICA_LABEL, type DeviceClaim } from './plan.js';

/** The Ceph image ODF 4.16 ships (Reef). */
export const CEPH_IMAGE = 'registry.redhat.io/rhceph/rhceph-7-rhel9:latest';

type Any = Record<string, any>;

/** ODF's CephCluster for a StorageCluster. */
export function cephClusterFor(sc: KubeObject): KubeObject {
  const spec = (sc.spec ?? {}) as Any;
  return {
    apiVersion: 'ceph.rook.io/v1',
    kind: 'CephCluster',
    metadata: { name: `${sc.metadata.name}-cephcluster`, namespace: sc.metadata.namespace, ownerReferences: [ownerRef(sc as KubeObject & { apiVersion: string; kind: string })] },
    spec: {
      cephVersion: { image: CEPH_IMAGE },
      dataDirHostPath: spec.monDataDirHostPath ?? '/var/lib/rook',
      mon: { count: 3, allowMultiplePerNode: false },
      mgr: { count: 1, modules: [{ name: 'pg_autoscaler', enabled: true }, { name: 'balancer', enabled: true }] },
      storage: {
        useAllNodes: false, useAllDevices: false,
        storageClassDeviceSets: ((spec.storageDeviceSets ?? []) as Any[]).flatMap((ds) => Array.from({ length: Number(ds.replica ?? 1) }, (_, j) => ({
          name: `${ds.name}-${j}`, count: ds.count, portable: ds.portable ?? false, encrypted: ds.encrypted ?? false, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: ds.dataPVCTemplate?.spec ?? {} }],
        }))),
      },
    },
  };
}

/** The default RBD pool ODF creates: 3 replicas across racks, target_size_ratio 0.49. */
export function defaultBlockPool(sc: KubeObject, failureDomain: string): KubeObject {
  return {
    apiVersion: 'ceph.rook.io/v1',
    kind: 'CephBlockPool',
    metadata: { name: `${sc.metadata.name}-cephblockpool`, namespace: sc.metadata.namespace, ownerReferences: [ownerRef(sc as KubeObject & { apiVersion: string; kind: string })] },
    spec: { failureDomain, replicated: { size: 3, targetSizeRatio: 0.49 }, enableRBDStats: true },
  };
}

/** An OSD claim as Rook creates it from the device set's template. */
export function deviceClaimPvc(sc: KubeObject, c: DeviceClaim): KubeObject {
  const tpl = (c.template.spec ?? {}) as Any;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: c.name, namespace: sc.metadata.namespace,
      labels: { [DEVICE_SET_LABEL]: c.deviceSet, 'ceph.rook.io/DeviceSetPVCId': `${c.deviceSet}-data-${c.index}`, [REPLICA_LABEL]: String(c.replica), 'ceph.rook.io/setIndex': String(c.index) },
      ownerReferences: [ownerRef(sc as KubeObject & { apiVersion: string; kind: string })],
    },
    spec: { storageClassName: tpl.storageClassName, accessModes: tpl.accessModes ?? ['ReadWriteOnce'], volumeMode: tpl.volumeMode ?? 'Block', resources: tpl.resources ?? { requests: { storage: '1' } } },
  };
}

function suffix(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 9)}-${h.slice(9, 14)}`;
}

/** A Ceph daemon pod pinned to a node (Rook's deployments, one replica each). */
export function daemonPod(owner: KubeObject, app: 'rook-ceph-mon' | 'rook-ceph-mgr' | 'rook-ceph-osd', id: string, node: string, extra: { labels?: Record<string, string>; claim?: string } = {}): KubeObject {
  const name = `${app}-${id}-${suffix(`${owner.metadata.uid}/${app}/${id}`)}`;
  const ceph = { name: app.replace('rook-ceph-', ''), image: CEPH_IMAGE, resources: { requests: app === 'rook-ceph-osd' ? { cpu: '2', memory: '5Gi' } : { cpu: '1', memory: '2Gi' } } };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name, namespace: owner.metadata.namespace,
      labels: { app, 'rook_cluster': owner.metadata.namespace!, ...(app === 'rook-ceph-osd' ? { [OSD_ID_LABEL]: id } : { [app.replace('rook-ceph-', '')]: id }), ...extra.labels },
      ownerReferences: [ownerRef(owner as KubeObject & { apiVersion: string; kind: string })],
    },
    spec: {
      nodeSelector: { 'kubernetes.io/hostname': node },
      containers: [ceph],
      ...(extra.claim ? { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: extra.claim } }] } : {}),
    },
  };
}

/** True when a pod is Running. */
export function podRunning(p: KubeObject | undefined): boolean {
  return (p?.status as Any)?.phase === 'Running';
}
