/**
 * Which pods `drain` evicts, as kubectl's drain filters decide (k8s.io/kubectl/pkg/drain
 * filters.go): mirror pods are skipped, DaemonSet pods need --ignore-daemonsets,
 * pods with emptyDir need --delete-emptydir-data, pods without a controller need
 * --force; finished pods are always deletable.
 */
import type { KubeObject } from '../../api/types.js';

/** The drain flags the filters read. */
export interface DrainFilterFlags {
  ignoreDaemonsets?: boolean;
  deleteEmptydirData?: boolean;
  force?: boolean;
}

/** The filters' verdict over a node's pods. */
export interface DrainPlan {
  evict: KubeObject[];
  /** kubectl's warning lines, without the `Warning: ` prefix. */
  warnings: string[];
  /** Blocking problems; drain stops when any. */
  errors: string[];
}

interface PodShape {
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

function ref(p: KubeObject): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

/** Applies the filters in kubectl's order and groups the messages as kubectl prints them. */
export function planDrain(pods: KubeObject[], flags: DrainFilterFlags): DrainPlan {
  const groups = new Map<string, { error: boolean; pods: string[] }>();
  const note = (msg: string, error: boolean, p: KubeObject) => {
    const g = groups.get(msg) ?? { error, pods: [] };
    g.pods.push(ref(p));
    groups.set(msg, g);
  };
  const evict: KubeObject[] = [];
  for (const p of pods) {
    const pod = p as KubeObject & PodShape;
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const controller = p.metadata.ownerReferences?.find((o) => o.controller);
    if (controller?.kind === 'DaemonSet') {
      if (flags.ignoreDaemonsets) note('ignoring DaemonSet-managed Pods', false, p);
      else note('cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)', true, p);
      continue;
    }
    if (p.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) continue;
    if (!finished && (pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined)) {
      if (!flags.deleteEmptydirData) {
        note('cannot delete Pods with local storage (use --delete-emptydir-data to override)', true, p);
        continue;
      }
      note('deleting Pods with local storage', false, p);
    }
    if (!finished && !controller) {
      if (!flags.force) {
        note('cannot delete Pods declare no controller (use --force to override)', true, p);
        continue;
      }
      note('deleting Pods that declare no controller', false, p);
    }
    evict.push(p);
  }
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const [msg, g] of groups) (g.error ? errors : warnings).push(`${msg}: ${g.pods.join(', ')}`);
  return { evict, warnings, errors };
}
