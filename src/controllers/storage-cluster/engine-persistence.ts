/**
 * Where the Ceph engine of `ove up` lives on disk: `<dataDir>/ceph/engine.json`, the state real
 * ODF keeps in the MONs' store and on the OSDs. It is rewritten (temp file, fsync, rename, fsync
 * of the directory) after every acknowledged change, before the change is answered; periodically
 * while time moves data, then off the event loop (nobody waits for those, and an fsync can take
 * tens of ms on a busy disk).
 */
import { join } from 'node:path';
import type { CephCluster, RbdImageStore } from '../../ceph/model.js';
import { restoreEngine, saveEngine } from '../../ceph/persist/engine-state.js';
import { readFileIfExists, removeFileDurable, writeFileDurable, writeFileDurableInBackground } from '../../ceph/persist/state-file.js';

/** Twin time between periodic saves of data writes and recovery progress (ms). */
export const PERIODIC_SAVE_MS = 5_000;
/** Wall time between periodic saves, so fast-forward does not fsync for every simulated tick (ms). */
export const PERIODIC_SAVE_WALL_MS = 1_000;

/** State another component keeps with the engine (e.g. ceph-csi's volume journal). */
export interface EngineSection {
  save(): unknown;
  load(saved: unknown): void;
}

/** Saves and loads one engine file. */
export class EnginePersistence {
  readonly path: string;
  readonly sections = new Map<string, EngineSection>();
  private lastText?: string;
  private lastTwinMs = -Infinity;
  private lastWallMs = -Infinity;
  /** Bumped by every save, so a background write finishing late knows it was overtaken. */
  private generation = 0;
  private background?: Promise<unknown>;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'ceph', 'engine.json');
  }

  /** The saved engine (sections are loaded into their owners), or undefined when none was saved. */
  load(): { cluster: CephCluster; rbd: RbdImageStore } | undefined {
    const text = readFileIfExists(this.path);
    if (text === undefined) return undefined;
    const e = restoreEngine(text, this.path);
    for (const [name, s] of this.sections) if (name in e.sections) s.load(e.sections[name]);
    this.lastText = text;
    this.lastTwinMs = e.cluster.nowMs;
    return e;
  }

  /** Writes the engine if it differs from what the file holds; `nowMs` is the twin time of the save. */
  save(cluster: CephCluster, rbd: RbdImageStore, nowMs: number): void {
    const text = this.text(cluster, rbd, nowMs);
    if (text === undefined) return;
    this.generation++;
    writeFileDurable(this.path, text);
    this.lastText = text;
  }

  /** Like `save`, but the write and fsync run on the thread pool (periodic saves); skipped while one is in flight. */
  saveInBackground(cluster: CephCluster, rbd: RbdImageStore, nowMs: number, onError: (e: unknown) => void): void {
    if (this.background) return;
    const text = this.text(cluster, rbd, nowMs);
    if (text === undefined) return;
    const gen = ++this.generation;
    // Checked in the same turn as the rename: the file holds `text` from then on.
    const renaming = () => gen === this.generation && ((this.lastText = text), true);
    this.background = writeFileDurableInBackground(this.path, text, renaming)
      .catch(onError)
      .finally(() => (this.background = undefined));
  }

  /** Resolves once no background save is in flight. */
  async settled(): Promise<void> {
    await this.background;
  }

  /** The engine's text when it differs from what the file holds (and marks the save's time). */
  private text(cluster: CephCluster, rbd: RbdImageStore, nowMs: number): string | undefined {
    const sections = Object.fromEntries([...this.sections].map(([n, s]) => [n, s.save()]));
    const text = JSON.stringify(saveEngine(cluster, rbd, sections));
    this.lastTwinMs = nowMs;
    this.lastWallMs = Date.now();
    return text === this.lastText ? undefined : text;
  }

  /** True when a periodic save is due at twin time `nowMs`. */
  due(nowMs: number): boolean {
    return nowMs - this.lastTwinMs >= PERIODIC_SAVE_MS && Date.now() - this.lastWallMs >= PERIODIC_SAVE_WALL_MS;
  }

  /** Removes the file (the cluster was destroyed). */
  remove(): void {
    removeFileDurable(this.path);
    this.lastText = undefined;
  }
}
