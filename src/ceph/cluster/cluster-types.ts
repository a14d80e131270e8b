// The daemons and records the cluster model keeps (the OSDMap, MonMap and MgrMap parts ove reads).
import type { DeviceClass } from './topology.js';
import type { PoolDef } from './pool.js';
import type { PlacementGroup } from '../recovery/placement-group.js';

/** An OSD as the OSDMap and its daemon see it. */
export interface OsdState {
  id: number;
  host: string;
  rack: string;
  device: string;
  deviceClass: DeviceClass;
  sizeBytes: number;
  /** CRUSH weight, 16.16 fixed point. */
  crushWeight: number;
  /** OSDMap reweight, 16.16 (0x10000 = in, 0 = out). */
  reweight: number;
  primaryAffinity: number;
  up: boolean;
  in: boolean;
  /** The daemon: running, crashed (peers see refused connections) or hung (peers see silence). */
  daemon: 'running' | 'crashed' | 'hung';
  upSinceMs: number;
  inSinceMs: number;
  downSinceMs?: number;
}

/** A monitor and whether it is in quorum. */
export interface MonState {
  name: string;
  rank: number;
  up: boolean;
}

/** A manager daemon. */
export interface MgrState {
  name: string;
  up: boolean;
  activeSinceMs?: number;
}

/** A pool and its placement groups (index = placement seed). */
export interface PoolState {
  def: PoolDef;
  pgs: PlacementGroup[];
  createdMs: number;
  /** Bytes of client I/O per second, for `ceph status` io lines. */
  clientIo: { readBps: number; writeBps: number; readOps: number; writeOps: number };
}

/** A cluster log line as `ceph -w` prints it. */
export interface ClusterLogEntry {
  timeMs: number;
  /** Who logged it: `mon.a`, `osd.73`, `mgr.a`. */
  who: string;
  level: 'DBG' | 'INF' | 'WRN' | 'ERR';
  message: string;
}
