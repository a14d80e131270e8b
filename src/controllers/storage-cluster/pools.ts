/**
 * CephBlockPools into engine pools, as Rook's pool controller does (`ceph osd pool create` with a
 * CRUSH rule on the pool's failure domain, `application enable rbd`), after Rook's built-in `.mgr`
 * pool. A pool whose rule cannot place all its copies (more replicas or k+m chunks than failure
 * domains) is refused with the reason instead of being created with PGs that can never go clean.
 */
import type { KubeObject } from '../../api/types.js';
import { autoscaleStatus, type CephCluster, type PoolRequest } from '../../ceph/model.js';

type Any = Record<string, any>;

/** What happened to one CephBlockPool. */
export interface PoolOutcome {
  phase: 'Ready' | 'Failure' | 'Progressing';
  message: string;
  poolId?: number;
  type: 'Replicated' | 'Erasure Coded';
  failureDomain: string;
}

/** The engine request of a CephBlockPool, or why it is invalid. */
export function poolRequest(cbp: KubeObject): PoolRequest | string {
  const spec = (cbp.spec ?? {}) as Any;
  const name = String(spec.name ?? cbp.metadata.name);
  const fd = String(spec.failureDomain ?? 'host');
  if (!['osd', 'host', 'rack'].includes(fd)) return `failureDomain "${fd}" is not a CRUSH type of this cluster (osd, host, rack)`;
  const failureDomain = fd as 'osd' | 'host' | 'rack';
  const ec = spec.erasureCoded as Any | undefined;
  if (ec && (ec.dataChunks || ec.codingChunks)) {
    const k = Number(ec.dataChunks ?? 0);
    const m = Number(ec.codingChunks ?? 0);
    if (k < 2 || m < 1) return `invalid erasure code profile: dataChunks ${k} must be at least 2 and codingChunks ${m} at least 1`;
    return { name, kind: 'erasure', k, m, failureDomain, application: 'rbd' };
  }
  const size = Number(spec.replicated?.size ?? 3);
  if (size < 1) return `invalid replicated size ${size}`;
  return { name, kind: 'replicated', size, failureDomain, application: 'rbd', targetSizeRatio: spec.replicated?.targetSizeRatio };
}

/** Creates `.mgr` (once) and every CephBlockPool the engine does not have; `settled` false keeps new pools waiting. */
export function syncPools(c: CephCluster, cbps: KubeObject[], settled: boolean, mgrFailureDomain: 'host' | 'rack'): Map<string, PoolOutcome> {
  const out = new Map<string, PoolOutcome>();
  const byName = new Map([...c.pools.values()].map((p) => [p.def.name, p.def.id]));
  if (settled && c.osds.size > 0 && !byName.has('.mgr')) {
    const def = c.createPool({ name: '.mgr', kind: 'replicated', pgNum: 1, application: 'mgr', failureDomain: mgrFailureDomain, pgNumMin: 1, pgNumMax: 32 });
    byName.set('.mgr', def.id);
  }
  for (const cbp of cbps) {
    const key = `${cbp.metadata.namespace}/${cbp.metadata.name}`;
    const req = poolRequest(cbp);
    const type = (cbp.spec as Any)?.erasureCoded?.dataChunks ? 'Erasure Coded' : 'Replicated';
    const failureDomain = String((cbp.spec as Any)?.failureDomain ?? 'host');
    if (typeof req === 'string') {
      out.set(key, { phase: 'Failure', message: `failed to create pool "${cbp.metadata.name}": ${req}`, type, failureDomain });
      continue;
    }
    const existing = byName.get(req.name);
    if (existing !== undefined) {
      out.set(key, { phase: 'Ready', message: `pool "${req.name}" is ready`, poolId: existing, type, failureDomain });
      continue;
    }
    if (!settled || c.osds.size === 0) {
      out.set(key, { phase: 'Progressing', message: 'waiting for the OSDs to come up before creating the pool', type, failureDomain });
      continue;
    }
    const width = req.kind === 'erasure' ? req.k! + req.m! : req.size ?? 3;
    const domains = c.failureDomains(req.failureDomain!);
    if (domains < width) {
      const what = req.kind === 'erasure' ? `erasure code profile k=${req.k} m=${req.m} needs ${width} failure domains` : `size ${width} needs ${width} failure domains`;
      out.set(key, { phase: 'Failure', message: `failed to create pool "${req.name}": ${what} of type "${req.failureDomain}" but the CRUSH map has ${domains}; the rule could not place all copies and its PGs would never go active+clean`, type, failureDomain });
      continue;
    }
    const def = c.createPool(req);
    byName.set(req.name, def.id);
    out.set(key, { phase: 'Ready', message: `pool "${req.name}" created`, poolId: def.id, type, failureDomain });
  }
  autoscale(c);
  return out;
}

/** The mgr's pg_autoscaler pass: pools that hold no data yet take the pg_num it wants. */
export function autoscale(c: CephCluster): void {
  for (const r of autoscaleStatus(c)) {
    const pool = c.pools.get(r.poolId);
    if (!r.wouldAdjust || !pool || pool.def.autoscale !== 'on' || pool.pgs.some((pg) => pg.objects > 0)) continue;
    c.setPgNum(r.poolId, r.pgNumFinal);
  }
}
