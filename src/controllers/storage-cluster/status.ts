/**
 * Status of the StorageCluster (phase Progressing/Ready, ODF's conditions, failure domain), of
 * its CephCluster (Rook's phase and `ceph` health and capacity) and of the CephBlockPools,
 * written through the status subresource only when they change, with events on transitions.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import { healthReport, rawStorage } from '../../ceph/model.js';
import type { Informer } from '../../client/informer.js';
import type { CephHost } from './ceph-host.js';
import type { PoolOutcome } from './pools.js';
import { CEPH_BLOCK_POOLS, CEPH_CLUSTERS, STORAGE_CLUSTERS } from './resources.js';

type Any = Record<string, any>;

/** What one reconcile observed, for the status writer. */
export interface Observed {
  claims: number;
  bound: number;
  pending: { pvc: KubeObject; reason: string }[];
  storageNodes: string[];
  racks: Map<string, string>;
  monsRunning: number;
  osdsInEngine: number;
  pools: Map<string, PoolOutcome>;
  failureDomain: 'rack' | 'host';
}
type Cond = { type: string; status: 'True' | 'False'; reason: string; message: string; lastTransitionTime?: string; lastHeartbeatTime?: string };

/** What `writeStatuses` needs. */
export interface StatusInputs {
  client: Client;
  clock: Clock;
  sc: KubeObject;
  cc: KubeObject;
  cbps: Informer;
  host: CephHost;
  observed: Observed;
  tell(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Promise<void>;
}

/** The StorageCluster's phase and conditions from what the reconcile saw (pure). */
export function storageClusterConditions(o: Observed, health: string | undefined): { phase: 'Progressing' | 'Ready'; conditions: Cond[] } {
  const failedPools = [...o.pools.values()].filter((p) => p.phase === 'Failure');
  const poolsReady = o.pools.size > 0 && [...o.pools.values()].every((p) => p.phase === 'Ready');
  const progressing: string[] = [];
  if (o.storageNodes.length < 3) progressing.push(`${o.storageNodes.length} node(s) labelled cluster.ocs.openshift.io/openshift-storage; the 3 MONs need 3`);
  else if (o.monsRunning < 3) progressing.push(`${o.monsRunning} of 3 MONs running`);
  if (o.pending.length) progressing.push(`${o.pending.length} of ${o.claims} OSD claims Pending: ${o.pending[0]!.reason}`);
  if (o.osdsInEngine < o.bound) progressing.push(`${o.osdsInEngine} of ${o.bound} OSDs up`);
  if (!poolsReady && !failedPools.length) progressing.push('waiting for the block pools');
  const ready = progressing.length === 0 && failedPools.length === 0;
  const available = o.osdsInEngine > 0 && poolsReady;
  const cond = (type: string, on: boolean, reason: string, message: string): Cond => ({ type, status: on ? 'True' : 'False', reason, message });
  return {
    phase: ready ? 'Ready' : 'Progressing',
    conditions: [
      cond('ReconcileComplete', failedPools.length === 0, failedPools.length ? 'ReconcileFailed' : 'ReconcileCompleted', failedPools.map((p) => p.message).join('; ') || 'Reconcile completed successfully'),
      cond('Available', available, available ? 'ReconcileCompleted' : 'Init', available ? `${o.osdsInEngine} OSDs up and in; Ceph ${health ?? 'unknown'}` : 'the Ceph cluster is not serving yet'),
      cond('Progressing', !ready, ready ? 'ReconcileCompleted' : 'Init', progressing.join('; ') || 'Reconcile completed successfully'),
      cond('Degraded', failedPools.length > 0 || health === 'HEALTH_ERR', failedPools.length ? 'PoolCreationFailed' : health === 'HEALTH_ERR' ? 'CephHealthError' : 'ReconcileCompleted', failedPools.map((p) => p.message).join('; ') || (health === 'HEALTH_ERR' ? 'Ceph reports HEALTH_ERR' : '')),
      cond('Upgradeable', true, 'ReconcileCompleted', ''),
    ],
  };
}

/** Keeps lastTransitionTime where a condition's status did not change. */
function stamp(next: Cond[], prev: Cond[] | undefined, now: string): Cond[] {
  return next.map((c) => {
    const p = prev?.find((x) => x.type === c.type);
    return { ...c, lastHeartbeatTime: now, lastTransitionTime: p && p.status === c.status ? p.lastTransitionTime : now };
  });
}

const strip = (s: Any | undefined) => JSON.stringify(s ?? {}, (k, v) => (k === 'lastTransitionTime' || k === 'lastHeartbeatTime' || k === 'lastChecked' || k === 'lastUpdated' ? undefined : v));

/** Writes the three kinds of status and the transition events. */
export async function writeStatuses(i: StatusInputs): Promise<void> {
  const now = rfc3339(i.clock.now());
  const engine = i.host.cluster;
  const health = engine ? healthReport(engine).status : undefined;
  const { phase, conditions } = storageClusterConditions(i.observed, health);
  const prev = (i.sc.status ?? {}) as Any;
  const racks = [...new Set(i.observed.racks.values())].sort();
  const scStatus = {
    ...prev,
    phase,
    conditions: stamp(conditions, prev.conditions, now),
    failureDomain: i.observed.failureDomain,
    failureDomainKey: i.observed.failureDomain === 'rack' ? 'topology.rook.io/rack' : 'kubernetes.io/hostname',
    failureDomainValues: racks,
    relatedObjects: [{ apiVersion: 'ceph.rook.io/v1', kind: 'CephCluster', name: i.cc.metadata.name, namespace: i.cc.metadata.namespace, uid: i.cc.metadata.uid }],
  };
  if (strip(scStatus) !== strip(prev)) {
    await i.client.updateStatus(STORAGE_CLUSTERS, { ...i.sc, status: scStatus });
    if (prev.phase !== phase) await i.tell(i.sc, phase === 'Ready' ? 'Normal' : 'Warning', phase === 'Ready' ? 'StorageClusterReady' : 'StorageClusterProgressing', conditions.find((c) => c.type === (phase === 'Ready' ? 'Available' : 'Progressing'))?.message ?? phase);
    const progressing = conditions.find((c) => c.type === 'Progressing')!;
    if (progressing.status === 'True') await i.tell(i.sc, 'Warning', 'Progressing', progressing.message);
  }

  const ccPrev = (i.cc.status ?? {}) as Any;
  const raw = engine ? rawStorage(engine) : undefined;
  const ccStatus = {
    ...ccPrev,
    phase: engine ? 'Ready' : 'Progressing',
    state: engine ? 'Created' : 'Creating',
    message: engine ? 'Cluster created successfully' : 'Configuring Ceph Mons',
    ...(engine ? { ceph: { health, fsid: engine.fsid, lastChecked: now, capacity: { bytesTotal: raw!.total.size, bytesUsed: raw!.total.used, bytesAvailable: raw!.total.avail, lastUpdated: now } } } : {}),
  };
  if (strip(ccStatus) !== strip(ccPrev)) await i.client.updateStatus(CEPH_CLUSTERS, { ...i.cc, status: ccStatus });

  for (const [key, o] of i.observed.pools) {
    const cbp = i.cbps.get(key);
    if (!cbp) continue;
    const pPrev = (cbp.status ?? {}) as Any;
    const st = {
      phase: o.phase, observedGeneration: cbp.metadata.generation,
      info: { type: o.type, failureDomain: o.failureDomain },
      ...(o.poolId !== undefined ? { poolID: o.poolId } : {}),
      conditions: stamp([{ type: o.phase === 'Failure' ? 'Failure' : 'Ready', status: 'True', reason: o.phase === 'Failure' ? 'ReconcileFailed' : 'PoolReady', message: o.message }], pPrev.conditions, now),
    };
    if (strip(st) !== strip(pPrev)) await i.client.updateStatus(CEPH_BLOCK_POOLS, { ...cbp, status: st });
  }
}
