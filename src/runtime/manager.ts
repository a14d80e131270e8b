/**
 * The manager: shares one informer per resource among controllers, starts
 * informers and controllers, and stops them. Controllers register through it.
 */
import type { Client, ResourceRef } from '../client/client.js';
import { Informer } from '../client/informer.js';
import type { KubeObject } from '../api/types.js';
import type { Clock } from '../lib/clock.js';
import { Controller, type Reconcile } from './controller.js';

/** Owns the shared informers and the controllers of one process. */
export class Manager {
  private readonly informers = new Map<string, Informer>();
  private readonly controllers: Controller[] = [];
  private started = false;

  constructor(readonly client: Client, readonly clock: Clock, readonly log: (msg: string, err?: unknown) => void) {}

  /** The shared informer of a resource (cluster-wide). */
  informer<T extends KubeObject = KubeObject>(ref: ResourceRef): Informer<T> {
    const k = `${ref.group}/${ref.version}/${ref.plural}`;
    let inf = this.informers.get(k);
    if (!inf) {
      inf = new Informer(this.client, ref);
      this.informers.set(k, inf);
      if (this.started) inf.start();
    }
    return inf as unknown as Informer<T>;
  }

  /** Adds a controller; it starts with the manager (or at once if already started). */
  controller(name: string, reconcile: Reconcile, workers = 1): Controller {
    const c = new Controller(name, reconcile, this.clock, this.log, workers);
    this.controllers.push(c);
    if (this.started) c.start();
    return c;
  }

  /** Starts informers, waits for their first lists, then starts controllers. */
  async start(): Promise<void> {
    this.started = true;
    for (const i of this.informers.values()) i.start();
    await Promise.all([...this.informers.values()].map((i) => i.waitForSync()));
    for (const c of this.controllers) c.start();
  }

  /** True while any controller has work queued or in process. */
  busy(): boolean {
    return this.controllers.some((c) => c.queue.busy());
  }

  /** Stops everything. */
  async stop(): Promise<void> {
    for (const i of this.informers.values()) i.stop();
    await Promise.all(this.controllers.map((c) => c.stop()));
  }
}
