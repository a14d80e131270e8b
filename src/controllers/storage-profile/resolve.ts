/**
 * How CDI completes a DataVolume's `spec.storage` into a PVC spec: access modes and
 * volume mode left out are taken from the StorageProfile of the class
 * (containerized-data-importer `pkg/controller/datavolume/util.go` `renderPvcSpec`
 * and `resolveVolumeMode` / `getDefaultAccessModes`): with access modes but no volume
 * mode, the first property set containing those modes gives the volume mode; with
 * neither, the first property set gives both.
 */
import type { ClaimPropertySet } from './capabilities.js';

/** A resolved claim spec, or the reason it could not be resolved (the DV stays Pending). */
export type Resolved = { ok: true; accessModes: string[]; volumeMode: 'Block' | 'Filesystem' } | { ok: false; message: string };

/** Fills access modes and volume mode from a profile's claim property sets. */
export function resolveClaimProperties(accessModes: string[] | undefined, volumeMode: string | undefined, sets: ClaimPropertySet[] | undefined): Resolved {
  const modes = accessModes ?? [];
  const vm = volumeMode === 'Block' || volumeMode === 'Filesystem' ? volumeMode : undefined;
  if (modes.length > 0 && vm) return { ok: true, accessModes: modes, volumeMode: vm };
  const all = sets ?? [];
  if (modes.length > 0) {
    const match = all.find((s) => modes.every((m) => s.accessModes.includes(m)));
    return { ok: true, accessModes: modes, volumeMode: match?.volumeMode ?? 'Filesystem' };
  }
  const first = vm ? all.find((s) => s.volumeMode === vm) : all[0];
  if (!first) return { ok: false, message: 'DataVolume.storage spec is missing accessMode and volumeMode, cannot get access mode from StorageProfile' };
  return { ok: true, accessModes: first.accessModes, volumeMode: first.volumeMode };
}
