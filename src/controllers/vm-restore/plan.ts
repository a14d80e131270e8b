/**
 * KubeVirt's VirtualMachineRestore decisions, pure (kubevirt/kubevirt
 * `pkg/storage/snapshot/restore.go`): the restored claims' names per
 * `volumeRestorePolicy`, whether the target is ready per `targetReadinessPolicy`,
 * and the VM spec with its volumes pointed at the restored claims.
 */
import type { KubeObject } from '../../api/types.js';

type Any = Record<string, any>;

/** KubeVirt's default grace period for a running target (WaitGracePeriod): 5 minutes. */
export const RESTORE_GRACE_SECONDS = 300;

/** The name of the claim restored for one volume. */
export function restoreClaimName(policy: string | undefined, restore: KubeObject, volumeName: string, originalClaim: string, targetName: string): string {
  if (policy === 'InPlace') return originalClaim;
  if (policy === 'PrefixTargetName') return `${targetName}-${volumeName}`;
  return `restore-${restore.metadata.uid}-${volumeName}`;
}

/** What to do about the target before restoring. */
export type Readiness = 'ready' | 'wait' | 'stop' | 'fail';

/** Decides from the target's running state, the policy (default WaitGracePeriod) and the restore's age. */
export function targetReadiness(running: boolean, policy: string | undefined, ageSeconds: number): Readiness {
  if (!running) return 'ready';
  switch (policy ?? 'WaitGracePeriod') {
    case 'StopTarget':
      return 'stop';
    case 'FailImmediate':
      return 'fail';
    case 'WaitEventually':
      return 'wait';
    default:
      return ageSeconds >= RESTORE_GRACE_SECONDS ? 'fail' : 'wait';
  }
}

/** The VM spec from the snapshot with claim and DataVolume names replaced by their restored names. */
export function remapSpec(spec: Any, renames: Map<string, string>): Any {
  const out = structuredClone(spec);
  for (const v of (out.template?.spec?.volumes ?? []) as Any[]) {
    if (v.dataVolume?.name && renames.has(v.dataVolume.name)) v.dataVolume.name = renames.get(v.dataVolume.name);
    if (v.persistentVolumeClaim?.claimName && renames.has(v.persistentVolumeClaim.claimName)) v.persistentVolumeClaim.claimName = renames.get(v.persistentVolumeClaim.claimName);
  }
  for (const t of (out.dataVolumeTemplates ?? []) as Any[]) {
    if (t.metadata?.name && renames.has(t.metadata.name)) t.metadata.name = renames.get(t.metadata.name);
  }
  return out;
}

/** Applies RFC 6902 add / replace / remove operations (the `patches` of a restore). */
export function applyPatches(obj: Any, patches: string[]): Any {
  const out = structuredClone(obj);
  for (const text of patches) {
    const ops = JSON.parse(text) as Any | Any[];
    for (const op of Array.isArray(ops) ? ops : [ops]) {
      const parts = String(op.path).split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const last = parts.pop()!;
      let cur: Any = out;
      for (const p of parts) cur = cur?.[Array.isArray(cur) ? Number(p) : p];
      if (cur === undefined || cur === null) throw new Error(`patch path ${op.path} does not exist`);
      const key = Array.isArray(cur) ? (last === '-' ? cur.length : Number(last)) : last;
      if (op.op === 'remove') {
        if (Array.isArray(cur)) cur.splice(key as number, 1);
        else delete cur[key];
      } else if (op.op === 'add' && Array.isArray(cur)) cur.splice(key as number, 0, op.value);
      else if (op.op === 'add' || op.op === 'replace') cur[key] = op.value;
      else throw new Error(`unsupported patch op ${op.op}`);
    }
  }
  return out;
}

/** Annotations of the original claim the restored claim must not carry (binding and CDI population state). */
export function restoredAnnotations(annotations: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(annotations ?? {})) {
    if (k.startsWith('pv.kubernetes.io/') || k.startsWith('volume.') || k.startsWith('cdi.kubevirt.io/') || k.startsWith('twin.ove.dev/') || k === 'k8s.io/CloneRequest') continue;
    out[k] = v;
  }
  return out;
}
