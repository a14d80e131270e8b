// The whole engine (cluster model and RBD images, plus named sections other components keep with
// it, such as ceph-csi's volume journal) as one versioned JSON document.
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { RbdImageStore } from '../rbd/rbd-image-store.js';
import { restoreCluster, saveCluster, type ClusterState } from './cluster-state.js';
import { restoreImages, saveImages, type RbdState } from './rbd-state.js';

/** The document's format name and version. */
export const ENGINE_STATE_FORMAT = 'ove.dev/ceph-engine';
export const ENGINE_STATE_VERSION = 2;
/** Versions this code reads: 1 lacks pg_upmap_items and the balancer (restored as none and a fresh module). */
const READABLE_VERSIONS = [1, 2];

/** The saved engine. */
export interface EngineState {
  format: typeof ENGINE_STATE_FORMAT;
  version: number;
  cluster: ClusterState;
  rbd: RbdState;
  /** Extra state kept with the engine, by section name. */
  sections: Record<string, unknown>;
}

/** Saves the engine. */
export function saveEngine(cluster: CephCluster, store: RbdImageStore, sections: Record<string, unknown> = {}): EngineState {
  return { format: ENGINE_STATE_FORMAT, version: ENGINE_STATE_VERSION, cluster: saveCluster(cluster), rbd: saveImages(store), sections };
}

/** Restores an engine from JSON text; a RangeError names what is wrong with a document it cannot read. */
export function restoreEngine(text: string, source = 'engine state'): { cluster: CephCluster; rbd: RbdImageStore; sections: Record<string, unknown> } {
  let doc: Partial<EngineState>;
  try {
    doc = JSON.parse(text) as Partial<EngineState>;
  } catch (e) {
    throw new RangeError(`Cannot read ${source}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (doc?.format !== ENGINE_STATE_FORMAT) throw new RangeError(`Cannot read ${source}: format is ${JSON.stringify(doc?.format)}, expected "${ENGINE_STATE_FORMAT}"`);
  if (!READABLE_VERSIONS.includes(doc.version as number)) throw new RangeError(`Cannot read ${source}: version ${doc.version} is not supported (this ove reads versions ${READABLE_VERSIONS.join(' and ')})`);
  if (!doc.cluster || !doc.rbd) throw new RangeError(`Cannot read ${source}: cluster or rbd section missing`);
  const cluster = restoreCluster(doc.cluster);
  const rbd = new RbdImageStore(cluster);
  restoreImages(rbd, doc.rbd);
  return { cluster, rbd, sections: doc.sections ?? {} };
}
