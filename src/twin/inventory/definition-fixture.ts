/** Test support: writes a cluster definition, changed by a callback, into a temporary directory. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { ClusterDefinition } from './cluster-definition.js';
import { loadClusterDefinition } from './load-cluster-definition.js';

/** The story's cluster definition shipped with ove. */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../examples/ove-prod-01', import.meta.url));

/** Raw YAML documents, as plain objects, for a test to change. */
export type RawDoc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const written: string[] = [];

/** Removes every directory `writeDefinition` wrote (call from `afterAll`). */
export async function removeDefinitions(): Promise<void> {
  await Promise.all(written.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/**
 * Copies the example into a fresh temporary directory after `change(installConfig, hardware)`
 * has edited the parsed documents; returns the directory.
 */
export async function writeDefinition(change: (ic: RawDoc, hw: RawDoc) => void = () => {}): Promise<string> {
  const ic = parse(await readFile(join(EXAMPLE_DIR, 'install-config.yaml'), 'utf8')) as RawDoc;
  const hw = parse(await readFile(join(EXAMPLE_DIR, 'hardware.yaml'), 'utf8')) as RawDoc;
  change(ic, hw);
  const dir = await mkdtemp(join(tmpdir(), 'ove-def-'));
  written.push(dir);
  await writeFile(join(dir, 'install-config.yaml'), stringify(ic));
  await writeFile(join(dir, 'hardware.yaml'), stringify(hw));
  return dir;
}

/**
 * Edits the story's definition into one that passes preflight: servers 2U apart, AMD workers
 * in DL385 Gen11 chassis, a boot drive per worker, redfish BMC URLs, and three-phase
 * 400 V / 32 A PDUs under the IEC rule that can each carry a whole rack.
 */
export function fixStory(ic: RawDoc, hw: RawDoc): void {
  for (const s of hw.servers) s.position = s.position * 2 - 50;
  hw.serverProfiles['dl380-worker'].model = 'HPE ProLiant DL385 Gen11';
  hw.serverProfiles['dl380-worker'].drives.push({ name: 'sda', size: '480GB', type: 'ssd', purpose: 'boot' });
  for (const h of ic.platform.baremetal.hosts) {
    h.bmc.address = h.bmc.address.replace('idrac-virtualmedia://', 'redfish-virtualmedia://');
    if (h.role === 'worker') h.rootDeviceHints.deviceName = '/dev/sda';
  }
  hw.site.electricalCode = 'iec';
  for (const p of hw.pdus) Object.assign(p, { volts: 400, amps: 32, phase: 3 });
}

let story: Promise<ClusterDefinition> | undefined;

/** The story's definition, loaded once per test file. */
export function loadStory(): Promise<ClusterDefinition> {
  story ??= loadClusterDefinition(EXAMPLE_DIR);
  return story;
}

/** A deep copy of the story's definition after `change` has edited it. */
export async function storyVariant(change: (def: ClusterDefinition) => void = () => {}): Promise<ClusterDefinition> {
  const def = structuredClone(await loadStory());
  change(def);
  return def;
}
