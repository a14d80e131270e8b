/**
 * How long a pod takes to start and stop on a twin node, from named parameters
 * rather than fixed sleeps: sandbox creation, image pull (size over bandwidth, once
 * per node and image), container start; termination within the grace period.
 */
import type { KubeObject } from '../../api/types.js';

/** The model's parameters (seconds, bytes, bytes per second). */
export const POD_MODEL = {
  /** CRI-O sandbox + OVN port setup before containers start. */
  sandboxSeconds: 1.5,
  /** Default image size when an image is not in the catalog below. */
  defaultImageBytes: 250e6,
  /** Registry pull bandwidth per node (a 10 GbE path shared with other traffic: ~100 MB/s). */
  pullBytesPerSecond: 100e6,
  /** Container create + start per container. */
  containerStartSeconds: 0.5,
  /** How long processes take to exit on SIGTERM, capped by the grace period. */
  stopSeconds: 2,
};

/** Known image sizes (bytes) of the platform's own pods. */
export const IMAGE_SIZES: Record<string, number> = {
  'virt-launcher': 420e6,
  'cdi-importer': 310e6,
};

/** Seconds until a pod's containers run on a node, given the images already there. */
export function podStartSeconds(pod: KubeObject, cachedImages: Set<string>): { seconds: number; pulled: string[] } {
  const containers = ((pod.spec as { containers?: { image?: string }[] } | undefined)?.containers ?? []).map((c) => c.image ?? '');
  const pulled = [...new Set(containers.filter((i) => i && !cachedImages.has(i)))];
  const bytes = pulled.reduce((sum, img) => sum + imageBytes(img), 0);
  const seconds = POD_MODEL.sandboxSeconds + bytes / POD_MODEL.pullBytesPerSecond + containers.length * POD_MODEL.containerStartSeconds;
  return { seconds, pulled };
}

function imageBytes(image: string): number {
  for (const [k, v] of Object.entries(IMAGE_SIZES)) if (image.includes(k)) return v;
  return POD_MODEL.defaultImageBytes;
}

/** Seconds a terminating pod takes to stop: its processes' exit time, never more than the grace period. */
export function podStopSeconds(pod: KubeObject): number {
  const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
  return Math.min(grace, POD_MODEL.stopSeconds);
}

/** A pod may declare a finite run time (`twin.ove.dev/run-seconds`), after which it Succeeds. */
export function podRunSeconds(pod: KubeObject): number | undefined {
  const v = pod.metadata.annotations?.['twin.ove.dev/run-seconds'];
  return v === undefined || Number.isNaN(Number(v)) ? undefined : Number(v);
}
