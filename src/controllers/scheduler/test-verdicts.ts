/** Test support: every node's filter verdict for a pod (PreFilter then Filter), as `fits` or the first reason. */
import type { KubeObject } from '../../api/types.js';
import { activeFilters, newCycleState, runFilters, runPreFilters } from './cycle.js';
import type { FilterPlugin } from './framework.js';
import { podInfo } from './pod-info.js';
import { NodeSnapshot } from './snapshot.js';

/** node name -> 'fits' or `<code>: <reasons>` for a pod over a cluster. */
export function verdicts(plugins: FilterPlugin[], pod: KubeObject, nodes: KubeObject[], pods: KubeObject[] = [], namespaces: KubeObject[] = []): Record<string, string> {
  const snap = NodeSnapshot.from(nodes, pods);
  for (const ns of namespaces) snap.setNamespace(ns);
  const state = newCycleState(podInfo(pod), snap);
  const pre = runPreFilters(state, plugins);
  const out: Record<string, string> = {};
  const active = activeFilters(state, plugins);
  for (const n of nodes) {
    const name = n.metadata.name!;
    const st = pre.rejected ?? runFilters(state, active, snap.get(name)!);
    out[name] = st === null ? 'fits' : `${st.code}: ${st.reasons.join(', ')}`;
  }
  return out;
}
