/** Loads a cluster definition directory: `install-config.yaml` + `hardware.yaml`. */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { ClusterDefinition, InstallConfig } from './cluster-definition.js';
import { DefinitionError, type DefinitionIssue } from './definition-error.js';
import { HardwareSpec, type HardwareDoc } from './hardware-schema.js';
import { InstallConfigSpec } from './install-config-schema.js';
import { validateDocument } from './validate-document.js';
import { resolveHardware } from './resolve-hardware.js';
import { crossCheck } from './cross-check.js';
import { mergeProfiles } from './merge-profiles.js';

/** The installer's file of a definition. */
export const INSTALL_CONFIG_FILE = 'install-config.yaml';
/** ove's hardware inventory file of a definition. */
export const HARDWARE_FILE = 'hardware.yaml';

/**
 * Reads, validates and resolves the definition in `dir`. Throws `DefinitionError` listing
 * every problem found (file and field path each), so one run shows them all.
 */
export async function loadClusterDefinition(dir: string): Promise<ClusterDefinition> {
  const abs = resolve(dir);
  const info = await stat(abs).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new DefinitionError([{ file: dir, path: '', message: 'cluster definition directory not found' }]);
  }
  const issues: DefinitionIssue[] = [];
  const ic = await readYaml(abs, INSTALL_CONFIG_FILE, issues);
  const hwRaw = await readYaml(abs, HARDWARE_FILE, issues);
  if (issues.length) throw new DefinitionError(issues);

  const hwMerged = mergeProfiles(hwRaw, issues);
  issues.push(...validateDocument(InstallConfigSpec, ic, INSTALL_CONFIG_FILE));
  issues.push(...validateDocument(HardwareSpec, hwMerged, HARDWARE_FILE));
  if (issues.length) throw new DefinitionError(issues);

  const installConfig = ic as InstallConfig;
  const hardware = resolveHardware(hwMerged as HardwareDoc, issues);
  crossCheck(hardware, installConfig, issues);
  if (issues.length) throw new DefinitionError(issues);
  return { dir: abs, installConfig, hardware };
}

async function readYaml(dir: string, file: string, issues: DefinitionIssue[]): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch {
    issues.push({ file, path: '', message: `file not found in ${dir}` });
    return undefined;
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  for (const e of doc.errors) {
    const pos = e.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}: ` : '';
    issues.push({ file, path: '', message: `${where}${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}` });
  }
  return doc.errors.length ? undefined : doc.toJS();
}
