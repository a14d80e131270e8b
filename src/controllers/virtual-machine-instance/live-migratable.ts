/**
 * The VMI's `LiveMigratable` condition and `migrationMethod`, after virt-handler's
 * `calculateLiveMigrationCondition` (kubevirt/kubevirt `pkg/virt-handler/vm.go`):
 * volumes first (every PVC must be ReadWriteMany), then the pod-network binding, CPU
 * mode, host devices and SCSI reservations. Local ephemeral disks (containerDisk,
 * emptyDisk) do not block: they make the migration a BlockMigration.
 */
import type { Condition, VmiSpec } from '../virtual-machine/kubevirt-types.js';

/** Access modes of a claim by name (PVC spec, or the DataVolume's request before the PVC exists). */
export type AccessModesOf = (claimName: string) => string[] | undefined;

/** KubeVirt's annotation that allows bridge binding on the pod network to migrate. */
export const ALLOW_POD_BRIDGE_MIGRATION = 'kubevirt.io/allow-pod-bridge-network-live-migration';

/** The condition (without timestamps) and the migration method of a VMI. */
export function liveMigratable(spec: VmiSpec, annotations: Record<string, string> | undefined, accessModes: AccessModesOf): { condition: Condition; method: 'LiveMigration' | 'BlockMigration' } {
  let block = false;
  const no = (reason: string, message: string) => ({ condition: { type: 'LiveMigratable', status: 'False' as const, reason, message }, method: block ? ('BlockMigration' as const) : ('LiveMigration' as const) });
  const cdroms = new Set((spec.domain.devices?.disks ?? []).filter((d) => d.cdrom).map((d) => d.name));
  for (const v of spec.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName ?? v.dataVolume?.name;
    if (claim) {
      // Read-only CD-ROMs are not copied and do not need shared storage.
      if (cdroms.has(v.name)) continue;
      if (!(accessModes(claim) ?? []).includes('ReadWriteMany')) {
        return no('DisksNotLiveMigratable', `cannot migrate VMI: PVC ${claim} is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`);
      }
    } else if (v.hostDisk && !v.hostDisk.shared) {
      return no('DisksNotLiveMigratable', `cannot migrate VMI: HostDisk ${v.name} is not shared, live migration requires that all HostDisks must be shared`);
    } else if (v.containerDisk || v.emptyDisk !== undefined) {
      block = true;
    }
  }
  const podNet = (spec.networks ?? []).find((n) => n.pod !== undefined)?.name;
  const podIface = (spec.domain.devices?.interfaces ?? []).find((i) => i.name === podNet);
  const bridgeAllowed = podIface?.bridge !== undefined && annotations?.[ALLOW_POD_BRIDGE_MIGRATION] !== undefined;
  if (podIface && podIface.masquerade === undefined && podIface.passt === undefined && !bridgeAllowed) {
    return no('InterfaceNotLiveMigratable', `cannot migrate VMI which does not use masquerade, bridge with ${ALLOW_POD_BRIDGE_MIGRATION} VM annotation or a migratable plugin to connect to the pod network`);
  }
  if (spec.domain.cpu?.model === 'host-passthrough') return no('CPUModeLiveMigratable', 'VMI uses CPU model host-passthrough, which is not live migratable');
  if ((spec.domain.devices?.hostDevices?.length ?? 0) > 0 || (spec.domain.devices?.gpus?.length ?? 0) > 0) return no('HostDeviceNotLiveMigratable', 'VMI uses a PCI host devices');
  if ((spec.domain.devices?.disks ?? []).some((d) => d.lun?.reservation)) return no('PersistentReservationNotLiveMigratable', 'VMI uses SCSI persitent reservation');
  return { condition: { type: 'LiveMigratable', status: 'True' }, method: block ? 'BlockMigration' : 'LiveMigration' };
}
