/**
 * Control-plane disks for etcd. etcd's FAQ (v3.4) wants the WAL fsync p99 under 10 ms;
 * OpenShift's "Recommended etcd practices" ask for SSD/NVMe (rotating disks miss that target
 * under load) (reference/observability.md §5, reference/k8s-api.md §6).
 */
import type { ClusterDefinition, Drive } from '../inventory/index.js';
import type { Finding } from './finding.js';

/** etcd's WAL fsync p99 target, in milliseconds. */
export const ETCD_FSYNC_P99_TARGET_MS = 10;

/** The drive etcd writes to: one with purpose etcd, else the boot drive (/var/lib/etcd). */
export function etcdDrive(drives: Drive[]): Drive | undefined {
  return drives.find((d) => d.purpose === 'etcd') ?? drives.find((d) => d.purpose === 'boot');
}

/** Checks the etcd drive of every control-plane server. */
export function checkEtcdDisks(def: ClusterDefinition): Finding[] {
  const out: Finding[] = [];
  const ok: string[] = [];
  for (const s of def.hardware.servers.filter((x) => x.role === 'control-plane')) {
    const d = etcdDrive(s.drives);
    if (!d) {
      out.push({ id: 'etcd.disk', severity: 'error', subject: s.name, message: 'no drive with purpose etcd or boot: nowhere for etcd to live', arithmetic: `drives: ${s.drives.map((x) => `${x.name} (${x.purpose})`).join(', ') || 'none'}` });
      continue;
    }
    const where = `${s.name}:${d.name} (${d.type}, ${d.purpose})`;
    if (d.type === 'hdd') {
      out.push({ id: 'etcd.disk', severity: 'error', subject: where, message: `etcd on a rotating disk: each fsync waits for the platter, so the WAL fsync p99 misses ${ETCD_FSYNC_P99_TARGET_MS} ms under load; use NVMe or SSD`, arithmetic: `type hdd; target p99 < ${ETCD_FSYNC_P99_TARGET_MS} ms` });
    } else if (d.fsyncP99Ms !== undefined && d.fsyncP99Ms >= ETCD_FSYNC_P99_TARGET_MS) {
      out.push({ id: 'etcd.disk', severity: 'error', subject: where, message: `measured fsync p99 ${d.fsyncP99Ms} ms misses etcd's target`, arithmetic: `${d.fsyncP99Ms} ms ≥ ${ETCD_FSYNC_P99_TARGET_MS} ms` });
    } else if (d.fsyncP99Ms !== undefined) {
      ok.push(`${where} p99 ${d.fsyncP99Ms} ms < ${ETCD_FSYNC_P99_TARGET_MS} ms`);
    } else {
      ok.push(`${where}: type ok, fsync not measured`);
    }
  }
  if (ok.length) {
    out.push({ id: 'etcd.disk', severity: 'info', subject: 'control plane', message: `etcd drives are solid-state; measure their fsync p99 (fio --fdatasync=1, 8 KiB writes) before installing: etcd wants < ${ETCD_FSYNC_P99_TARGET_MS} ms`, arithmetic: ok.join('; ') });
  }
  return out;
}
