/**
 * What a guest does with the ACPI power button virt-handler presses when its VMI is deleted
 * (stop, restart, eviction): a guest that honours it powers off in its modelled shutdown time,
 * one that does not (ACPI disabled in the domain, or still in firmware, GRUB or early kernel,
 * or Windows Setup before its OOBE, which ignore the button) runs on until virt-handler destroys the domain at the end of the
 * VMI's grace period (`terminationGracePeriodSeconds`, KubeVirt's `DefaultGracePeriodSeconds`
 * 30 when unset, kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/types.go`).
 */
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { DEFAULT_GRACE_SECONDS } from '../../controllers/virtual-machine-instance/launcher-pod.js';
import { GUEST_BOOT, shutdownSeconds, type BootParams } from './boot-model.js';
import type { Guest } from './guest.js';
import { windowsView } from './windows-guest.js';

/** How the guest ends after the button press at `elapsed` seconds into its boot. */
export interface AcpiOutcome {
  /** Seconds from the press to the domain being gone. */
  seconds: number;
  /** True when the guest powered itself off; false when virt-handler killed it at the grace period. */
  graceful: boolean;
}

/** Whether the guest's OS is far enough into its boot to act on the power button. */
export function honoursAcpi(vmi: Vmi, g: Guest, elapsed: number, p: BootParams = GUEST_BOOT): boolean {
  const acpi = (vmi.spec.domain.features as { acpi?: { enabled?: boolean } } | undefined)?.acpi;
  if (acpi?.enabled === false) return false;
  // Windows only once the installed OS runs (not in Setup's WinPE, nor while its install restarts); Linux once systemd (logind) runs.
  if (g.os.family === 'windows') return windowsView(vmi, g, (g.bootStartMs ?? 0) + elapsed * 1000, p).acpi;
  return elapsed >= g.timeline.kernelStart + p.kernelSeconds * p.scale;
}

/** The outcome of a power button press at `elapsed` seconds into the boot, under the VMI's current grace period. */
export function acpiOutcome(vmi: Vmi, g: Guest, elapsed: number, p: BootParams = GUEST_BOOT): AcpiOutcome {
  const grace = vmi.spec.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const own = honoursAcpi(vmi, g, elapsed, p) ? shutdownSeconds(g.os, p) : Infinity;
  return own <= grace ? { seconds: own, graceful: true } : { seconds: grace, graceful: false };
}
