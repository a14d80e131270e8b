/** Pod statuses a kubelet writes as containers start, run and exit. Pure. */
import type { KubeObject } from '../../api/types.js';
import { createHash } from 'node:crypto';

type Status = Record<string, unknown>;

function cond(type: string, status: string, at: string): Record<string, unknown> {
  return { type, status, lastProbeTime: null, lastTransitionTime: at };
}

function containerId(pod: KubeObject, name: string): string {
  return `cri-o://${createHash('sha256').update(`${pod.metadata.uid}/${name}`).digest('hex')}`;
}

function containers(pod: KubeObject): { name: string; image: string }[] {
  return ((pod.spec as { containers?: { name: string; image: string }[] } | undefined)?.containers ?? []).map((c) => ({ name: c.name, image: c.image }));
}

/** Status while the sandbox and images are prepared (kubectl shows ContainerCreating). */
export function creatingStatus(pod: KubeObject, hostIP: string, at: string): Status {
  const prev = (pod.status ?? {}) as Status;
  return {
    ...prev,
    phase: 'Pending',
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: (prev.startTime as string) ?? at,
    conditions: [cond('PodReadyToStartContainers', 'False', at), cond('Initialized', 'True', at), cond('Ready', 'False', at), cond('ContainersReady', 'False', at), cond('PodScheduled', 'True', at)],
    containerStatuses: containers(pod).map((c) => ({ name: c.name, image: c.image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } })),
  };
}

/** Status once every container runs. */
export function runningStatus(pod: KubeObject, hostIP: string, podIP: string, at: string): Status {
  const prev = (pod.status ?? {}) as Status;
  return {
    ...prev,
    phase: 'Running',
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: (prev.startTime as string) ?? at,
    conditions: [cond('PodReadyToStartContainers', 'True', at), cond('Initialized', 'True', at), cond('Ready', 'True', at), cond('ContainersReady', 'True', at), cond('PodScheduled', 'True', at)],
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: `${c.image.split(':')[0]}@sha256:${createHash('sha256').update(c.image).digest('hex')}`,
      containerID: containerId(pod, c.name),
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: at } },
    })),
  };
}

/** Status after every container exited with `exitCode` (0: Succeeded). */
export function terminatedStatus(pod: KubeObject, exitCode: number, at: string): Status {
  const prev = (pod.status ?? {}) as Status & { containerStatuses?: Record<string, unknown>[] };
  const startedAt = ((prev.containerStatuses?.[0]?.state as { running?: { startedAt?: string } } | undefined)?.running?.startedAt) ?? at;
  return {
    ...prev,
    phase: exitCode === 0 ? 'Succeeded' : 'Failed',
    conditions: [cond('PodReadyToStartContainers', 'False', at), cond('Initialized', 'True', at), cond('Ready', 'False', at), cond('ContainersReady', 'False', at), cond('PodScheduled', 'True', at)],
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      containerID: containerId(pod, c.name),
      ready: false,
      restartCount: 0,
      started: false,
      state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt: at, containerID: containerId(pod, c.name) } },
    })),
  };
}
