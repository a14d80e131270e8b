/**
 * The pod table row, as kube-apiserver's `printPod` computes it
 * (`kubernetes/kubernetes` `pkg/printers/internalversion/printers.go`): READY, STATUS
 * (phase, init progress, waiting/terminated reasons, Terminating, Unknown), RESTARTS with the
 * time since the last restart, AGE, and the wide IP, NODE, NOMINATED NODE, READINESS GATES.
 */
import type { KubeObject, PrinterColumn } from '../types.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { arr, str } from '../meta/object-access.js';

/** Pod columns after NAME (`podColumnDefinitions`). */
export const podColumns: PrinterColumn[] = [
  { name: 'Ready', type: 'string', description: 'The aggregate readiness state of this pod for accepting traffic.' },
  { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.' },
  { name: 'Restarts', type: 'string', description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.' },
  { name: 'Age', type: 'string', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' },
  { name: 'IP', type: 'string', priority: 1, description: 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.' },
  { name: 'Node', type: 'string', priority: 1, description: 'NodeName is a request to schedule this pod onto a specific node.' },
  { name: 'Nominated Node', type: 'string', priority: 1, description: 'nominatedNodeName is set only when this pod preempts other pods on the node.' },
  { name: 'Readiness Gates', type: 'string', priority: 1, description: 'If specified, all readiness gates will be evaluated for pod readiness.' },
];

type Obj = Record<string, unknown>;
interface ContainerState { waiting?: { reason?: string }; running?: Obj; terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string } }
interface ContainerStatus { name: string; ready?: boolean; started?: boolean; restartCount?: number; state?: ContainerState; lastState?: ContainerState }

/** Reason the node lifecycle controller gives pods on an unreachable node (`NodeUnreachablePodReason`). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartable(c: Obj | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function hasCondition(pod: KubeObject, type: string): boolean {
  return arr(pod, 'status.conditions').some((c) => c.type === type && c.status === 'True');
}

function later(a: string, b: string | undefined): string {
  return b && (a === '' || Date.parse(b) > Date.parse(a)) ? b : a;
}

/** The STATUS, READY and RESTARTS cells of a pod. */
export function podStatus(pod: KubeObject, nowMs: number): { ready: string; status: string; restarts: string } {
  const initContainers = arr(pod, 'spec.initContainers');
  const byName = new Map(initContainers.map((c) => [c.name as string, c]));
  const total = arr(pod, 'spec.containers').length + initContainers.filter(isRestartable).length;
  let ready = 0;
  let restarts = 0;
  let restartableRestarts = 0;
  let lastRestart = '';
  let lastRestartableRestart = '';
  const phase = str(pod, 'status.phase');
  let reason = str(pod, 'status.reason') || phase;
  for (const c of arr(pod, 'status.conditions')) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  let initializing = false;
  const initStatuses = arr<ContainerStatus>(pod, 'status.initContainerStatuses');
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    lastRestart = later(lastRestart, cs.lastState?.terminated?.finishedAt);
    const restartable = isRestartable(byName.get(cs.name));
    if (restartable) {
      restartableRestarts += cs.restartCount ?? 0;
      lastRestartableRestart = later(lastRestartableRestart, cs.lastState?.terminated?.finishedAt);
    }
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (restartable && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = arr<ContainerStatus>(pod, 'status.containerStatuses');
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      lastRestart = later(lastRestart, cs.lastState?.terminated?.finishedAt);
      const term = cs.state?.terminated;
      if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A pod whose last container completed but another still runs is shown by readiness.
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = !!pod.metadata.deletionTimestamp;
  if (deleting && str(pod, 'status.reason') === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== '') restartsCell = `${restarts} (${translateTimestampSince(lastRestart, nowMs)} ago)`;
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsCell };
}

/** All pod cells after NAME, wide ones included (the server always prints wide). */
export function podCells(pod: KubeObject, nowMs: number): unknown[] {
  const { ready, status, restarts } = podStatus(pod, nowMs);
  const podIP = str(arr(pod, 'status.podIPs')[0], 'ip') || '<none>';
  const gates = arr(pod, 'spec.readinessGates');
  let readinessGates = '<none>';
  if (gates.length > 0) {
    const conds = arr(pod, 'status.conditions');
    const trueCount = gates.filter((g) => conds.find((c) => c.type === g.conditionType)?.status === 'True').length;
    readinessGates = `${trueCount}/${gates.length}`;
  }
  return [
    ready, status, restarts, translateTimestampSince(pod.metadata.creationTimestamp, nowMs),
    podIP, str(pod, 'spec.nodeName') || '<none>', str(pod, 'status.nominatedNodeName') || '<none>', readinessGates,
  ];
}
