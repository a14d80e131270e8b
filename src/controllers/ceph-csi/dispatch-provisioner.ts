/**
 * One `VolumeProvisioner` over several backends, as a cluster runs several CSI drivers: RBD
 * classes go to the Ceph engine once a StorageCluster serves pools, Trident classes to the ONTAP
 * model, everything else (and RBD before ODF is deployed, so clusters without a StorageCluster
 * keep working) to the twin's simple provisioner. Calls that carry only a handle go to the
 * backend that made it.
 */
import type { KubeObject } from '../../api/types.js';
import type { ClonedVolume, ProvisionedVolume, ProvisionerCapabilities, VolumeProvisioner, VolumeRequest, VolumeSnapshotInfo } from '../persistent-volume/provisioner.js';
import { RBD_DRIVERS } from '../persistent-volume/twin-provisioner.js';
import type { RbdProvisioner } from './rbd-provisioner.js';
import { TRIDENT, type TridentProvisioner } from './trident-provisioner.js';

/** Routes by StorageClass driver (and readiness) and by handle ownership. */
export class DispatchProvisioner implements VolumeProvisioner {
  constructor(private readonly rbd: RbdProvisioner, private readonly trident: TridentProvisioner, private readonly fallback: VolumeProvisioner) {}

  /** The backend for a StorageClass. */
  provisionerFor(sc: KubeObject): VolumeProvisioner {
    const driver = String(sc.provisioner ?? '');
    if (RBD_DRIVERS.includes(driver) && this.rbd.ready()) return this.rbd;
    if (driver === TRIDENT) return this.trident;
    return this.fallback;
  }

  private byHandle(handle: string): VolumeProvisioner {
    if (this.rbd.owns(handle)) return this.rbd;
    if (this.trident.volume(handle) || this.trident.hasSnapshot(handle)) return this.trident;
    return this.fallback;
  }

  drivers(): string[] {
    return [...new Set([...this.fallback.drivers(), ...this.rbd.drivers(), ...this.trident.drivers()])];
  }

  capabilities(sc: KubeObject): ProvisionerCapabilities {
    return this.provisionerFor(sc).capabilities(sc);
  }

  provision(req: VolumeRequest, sc: KubeObject): Promise<ProvisionedVolume> {
    return this.provisionerFor(sc).provision(req, sc);
  }

  delete(handle: string): Promise<void> {
    return this.byHandle(handle).delete(handle);
  }

  cloneFrom(source: string, req: VolumeRequest, sc: KubeObject): Promise<ClonedVolume> {
    return this.byHandle(source).cloneFrom(source, req, sc);
  }

  restoreSnapshot(handle: string, req: VolumeRequest, sc: KubeObject): Promise<ClonedVolume> {
    return this.byHandle(handle).restoreSnapshot(handle, req, sc);
  }

  snapshot(source: string, name: string, nowMs: number): Promise<VolumeSnapshotInfo> {
    return this.byHandle(source).snapshot(source, name, nowMs);
  }

  deleteSnapshot(handle: string): Promise<void> {
    return this.byHandle(handle).deleteSnapshot(handle);
  }

  expand(handle: string, bytes: number): Promise<number> {
    return this.byHandle(handle).expand(handle, bytes);
  }

  write(handle: string, bytes: number): void {
    this.byHandle(handle).write(handle, bytes);
  }

  volume(handle: string): ProvisionedVolume | undefined {
    return this.byHandle(handle).volume(handle);
  }
}
