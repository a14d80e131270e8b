/**
 * The Local Storage Operator's LocalVolumeSet as a pure function: the block devices of the
 * selected nodes that pass the inclusion spec, and the local PVs the diskmaker offers for them
 * (openshift/local-storage-operator, diskmaker `lvset` and the local static provisioner).
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import { formatQuantity, quantityValue } from '../../lib/quantity.js';
import type { ClusterDefinition } from '../../twin/inventory/index.js';
import { matchesNodeSelector, type NodeSelector } from './node-selector.js';

/** Label naming the node of a local PV (kube's well-known hostname label). */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
/** LSO's owner labels on the PVs it creates (`common.go`). */
export const OWNER_KIND = 'storage.openshift.com/owner-kind';
/** The owning LocalVolumeSet's name. */
export const OWNER_NAME = 'storage.openshift.com/owner-name';
/** The owning LocalVolumeSet's namespace. */
export const OWNER_NAMESPACE = 'storage.openshift.com/owner-namespace';
/** Annotation with the device's kernel name. */
export const DEVICE_NAME = 'storage.openshift.com/device-name';
/** The LSO mount root (`/mnt/local-storage/<storageClass>/<by-id link>`). */
export const LOCAL_ROOT = '/mnt/local-storage';

/** One local volume to offer. */
export interface LocalVolume {
  pvName: string;
  node: string;
  device: string;
  bytes: number;
}

type Any = Record<string, any>;

/** A byte count as kube serializes `resource.NewQuantity(bytes, BinarySI)`: `3750000000Ki` for 3.84 TB. */
export function binarySi(bytes: number): string {
  return formatQuantity({ unscaled: BigInt(bytes), scale: 0, format: 'BinarySI', value: bytes });
}

/** The PV name: `local-pv-` and 8 hex digits of a hash of node and device (the provisioner hashes the path). */
export function localPvName(node: string, device: string, storageClass: string): string {
  return `local-pv-${createHash('sha256').update(`${node}/${storageClass}/${device}`).digest('hex').slice(0, 8)}`;
}

function sizeOk(bytes: number, spec: Any): boolean {
  if (spec?.minSize && bytes < Number(quantityValue(String(spec.minSize)))) return false;
  if (spec?.maxSize && bytes > Number(quantityValue(String(spec.maxSize)))) return false;
  return true;
}

/**
 * The devices a LocalVolumeSet selects: `purpose: osd` drives (whole disks, non-rotational unless
 * HDD) of the Nodes that exist and match its nodeSelector, within min/maxSize, at most maxDeviceCount per node.
 */
export function planLocalVolumes(lvs: KubeObject, nodes: KubeObject[], def: ClusterDefinition): LocalVolume[] {
  const spec = (lvs.spec ?? {}) as Any;
  const inc = (spec.deviceInclusionSpec ?? {}) as Any;
  const mech = (inc.deviceMechanicalProperties ?? []) as string[];
  const types = (inc.deviceTypes ?? ['disk', 'part']) as string[];
  const sc = String(spec.storageClassName);
  const out: LocalVolume[] = [];
  for (const n of nodes) {
    const labels = (n.metadata.labels ?? {}) as Record<string, string>;
    if (!matchesNodeSelector(labels, spec.nodeSelector as NodeSelector | undefined)) continue;
    const server = def.hardware.servers.find((s) => s.name === n.metadata.name);
    if (!server || !types.includes('disk')) continue;
    let count = 0;
    for (const d of server.drives) {
      if (d.purpose !== 'osd') continue;
      const rotational = d.type === 'hdd';
      if (mech.length && !mech.includes(rotational ? 'Rotational' : 'NonRotational')) continue;
      if (!sizeOk(d.sizeBytes, inc)) continue;
      if (spec.maxDeviceCount && count >= spec.maxDeviceCount) break;
      count++;
      out.push({ pvName: localPvName(server.name, d.name, sc), node: server.name, device: d.name, bytes: d.sizeBytes });
    }
  }
  return out;
}

/** The PersistentVolume the local static provisioner creates for a device. */
export function localPersistentVolume(lvs: KubeObject, v: LocalVolume): KubeObject {
  const spec = (lvs.spec ?? {}) as Any;
  const sc = String(spec.storageClassName);
  const mode = spec.volumeMode === 'Filesystem' ? 'Filesystem' : 'Block';
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: v.pvName,
      labels: { [HOSTNAME_LABEL]: v.node, [OWNER_KIND]: 'LocalVolumeSet', [OWNER_NAME]: lvs.metadata.name!, [OWNER_NAMESPACE]: lvs.metadata.namespace!, 'storage.openshift.com/local-volume-owner-name': lvs.metadata.name! },
      annotations: { 'pv.kubernetes.io/provisioned-by': `local-volume-provisioner-${v.node}`, [DEVICE_NAME]: v.device },
    },
    spec: {
      capacity: { storage: binarySi(v.bytes) },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: sc,
      volumeMode: mode,
      ...(mode === 'Filesystem' ? { fsType: spec.fsType ?? 'ext4' } : {}),
      local: { path: `${LOCAL_ROOT}/${sc}/${v.device}` },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME_LABEL, operator: 'In', values: [v.node] }] }] } },
    },
  };
}

/** The StorageClass LSO creates for a LocalVolumeSet when it does not exist. */
export function localStorageClass(lvs: KubeObject): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: String((lvs.spec as Any).storageClassName), labels: { 'local.storage.openshift.io/owner-name': lvs.metadata.name!, 'local.storage.openshift.io/owner-namespace': lvs.metadata.namespace! } },
    provisioner: 'kubernetes.io/no-provisioner',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}
