/**
 * Records core/v1 Events about objects, as client-go's EventRecorder does: one Event
 * per (object, reason, message, source), and repeats within the correlator's window
 * bump `count` and `lastTimestamp` instead of creating new objects.
 */
import type { KubeObject } from '../api/types.js';
import type { Clock } from '../lib/clock.js';
import { rfc3339 } from '../lib/clock.js';
import type { Client } from './client.js';

const EVENTS = { group: '', version: 'v1', plural: 'events', namespaced: true };
/** client-go's event aggregation keeps keys for 10 minutes (events_cache.go). */
const WINDOW_MS = 10 * 60_000;

/** Emits Events for one component (`source.component`, e.g. `default-scheduler`). */
export class EventRecorder {
  private readonly seen = new Map<string, { name: string; namespace: string; count: number; first: string; at: number }>();

  constructor(private readonly client: Client, private readonly clock: Clock, private readonly component: string, private readonly host?: string) {}

  /** Records an event; failures are swallowed, as event recording is best-effort. */
  async record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Promise<void> {
    const namespace = obj.metadata.namespace ?? 'default';
    const key = `${obj.metadata.uid}|${reason}|${message}`;
    const now = this.clock.now();
    const ts = rfc3339(now);
    const prev = this.seen.get(key);
    try {
      if (prev && now - prev.at < WINDOW_MS) {
        prev.count++;
        prev.at = now;
        await this.client.patch(EVENTS, prev.namespace, prev.name, 'merge', { count: prev.count, lastTimestamp: ts });
        return;
      }
      const name = `${obj.metadata.name}.${now.toString(16)}${Math.floor(Math.random() * 0xfff).toString(16)}`;
      await this.client.create(EVENTS, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion },
        reason,
        message,
        source: this.host ? { component: this.component, host: this.host } : { component: this.component },
        firstTimestamp: ts,
        lastTimestamp: ts,
        count: 1,
        type,
        reportingComponent: this.component,
        reportingInstance: this.host ?? '',
      } as KubeObject);
      this.seen.set(key, { name, namespace, count: 1, first: ts, at: now });
      if (this.seen.size > 4096) this.seen.delete(this.seen.keys().next().value!);
    } catch {
      // Events are best effort: a full or terminating namespace must not fail the caller.
    }
  }
}
