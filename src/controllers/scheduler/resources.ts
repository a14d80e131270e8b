/**
 * Resource arithmetic as the scheduler does it: pod requests (`resourcehelper.PodRequests`,
 * `k8s.io/component-helpers/resource/helpers.go`) and the node's allocatable
 * (`framework.Resource.Add`, `pkg/scheduler/framework/types.go`). CPU is in millicores, every
 * other resource in whole units (bytes, devices), as `MilliValue()`/`Value()` give them.
 */
import { parseQuantity, quantityMilliValue } from '../../lib/quantity.js';

/** `schedutil.DefaultMilliCPURequest`: the CPU a container without a request counts for in scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** `schedutil.DefaultMemoryRequest`: 200 MB, the memory a container without a request counts for in scoring. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** An amount of each resource: cpu in millicores, others in units; extended resources in `scalar`. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Allocatable only: `status.allocatable.pods`. */
  allowedPodNumber: number;
  scalar: Map<string, number>;
}

/** An empty Resource. */
export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: new Map() };
}

/** `IsScalarResourceName`: extended resources, hugepages and attachable volumes (not cpu, memory, pods, ephemeral-storage). */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  // IsExtendedResourceName: not native (no '/' or inside kubernetes.io/) and not a quota "requests." name.
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return !native && !name.startsWith('requests.');
}

const milliCache = new Map<string, number>();

/** A quantity in thousandths of its unit, as a number (memoized: the same strings recur in every pod). */
export function milliOf(q: unknown): number {
  const s = typeof q === 'number' ? String(q) : typeof q === 'string' ? q : '0';
  let v = milliCache.get(s);
  if (v === undefined) {
    try {
      v = Number(quantityMilliValue(parseQuantity(s)));
    } catch {
      v = 0;
    }
    if (milliCache.size > 10_000) milliCache.clear();
    milliCache.set(s, v);
  }
  return v;
}

/** Converts a milli amount of a resource to the unit the scheduler keeps (cpu stays milli; others round up). */
function unitOf(name: string, milli: number): number {
  return name === 'cpu' ? milli : Math.ceil(milli / 1000);
}

/** A node's allocatable (or capacity) list as a Resource. */
export function resourceFromList(list: Record<string, unknown> | undefined): Resource {
  const r = emptyResource();
  for (const [name, q] of Object.entries(list ?? {})) {
    const milli = milliOf(q);
    if (name === 'cpu') r.milliCPU += milli;
    else if (name === 'memory') r.memory += unitOf(name, milli);
    else if (name === 'pods') r.allowedPodNumber += unitOf(name, milli);
    else if (name === 'ephemeral-storage') r.ephemeralStorage += unitOf(name, milli);
    else if (isScalarResourceName(name)) r.scalar.set(name, (r.scalar.get(name) ?? 0) + unitOf(name, milli));
  }
  return r;
}

type MilliList = Map<string, number>;

function milliList(requests: Record<string, unknown> | undefined, nonMissing: boolean): MilliList {
  const m: MilliList = new Map();
  for (const [k, q] of Object.entries(requests ?? {})) m.set(k, milliOf(q));
  if (nonMissing) {
    if (!m.has('cpu')) m.set('cpu', DEFAULT_MILLI_CPU_REQUEST);
    if (!m.has('memory')) m.set('memory', DEFAULT_MEMORY_REQUEST * 1000);
  }
  return m;
}

function addTo(dst: MilliList, src: MilliList): void {
  for (const [k, v] of src) dst.set(k, (dst.get(k) ?? 0) + v);
}

function maxInto(dst: MilliList, src: MilliList): void {
  for (const [k, v] of src) if (v > (dst.get(k) ?? 0)) dst.set(k, v);
}

type Container = { resources?: { requests?: Record<string, unknown> }; restartPolicy?: string };

/**
 * A pod's effective requests, per resource, in the scheduler's units: the sum of its
 * containers, at least each init container (plus the sidecars started before it), sidecars
 * added, plus `spec.overhead`. `nonMissing` counts a container without a cpu or memory request
 * as 100m / 200MB (`NonMissingContainerRequests`, used for scoring).
 */
export function podRequests(spec: Record<string, unknown> | undefined, nonMissing = false): Map<string, number> {
  const reqs: MilliList = new Map();
  for (const c of (spec?.containers as Container[] | undefined) ?? []) addTo(reqs, milliList(c.resources?.requests, nonMissing));
  const sidecars: MilliList = new Map();
  const initMax: MilliList = new Map();
  for (const c of (spec?.initContainers as Container[] | undefined) ?? []) {
    const own = milliList(c.resources?.requests, nonMissing);
    if (c.restartPolicy === 'Always') {
      addTo(reqs, own);
      addTo(sidecars, own);
      maxInto(initMax, sidecars);
    } else {
      const total: MilliList = new Map(own);
      addTo(total, sidecars);
      maxInto(initMax, total);
    }
  }
  maxInto(reqs, initMax);
  addTo(reqs, milliList(spec?.overhead as Record<string, unknown> | undefined, false));
  const out = new Map<string, number>();
  for (const [k, v] of reqs) out.set(k, unitOf(k, v));
  return out;
}
