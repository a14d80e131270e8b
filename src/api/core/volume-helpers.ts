/** Printing helpers shared by PersistentVolume and PersistentVolumeClaim (`pkg/apis/core/helper`). */
import type { KubeObject } from '../types.js';
import { str } from '../meta/object-access.js';

const MODES: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];

/** `GetAccessModesAsString`: `RWO,ROX,RWX,RWOP` in that fixed order, duplicates dropped. */
export function accessModesString(modes: unknown): string {
  const list = Array.isArray(modes) ? modes : [];
  return MODES.filter(([m]) => list.includes(m)).map(([, s]) => s).join(',');
}

/** `GetPersistentVolume(Claim)Class`: the beta annotation wins over `spec.storageClassName`. */
export function storageClassOf(obj: KubeObject): string {
  const beta = obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
  return beta !== undefined ? beta : str(obj, 'spec.storageClassName');
}
