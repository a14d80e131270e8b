// `ove preflight [--cluster DIR] [-o table|json|yaml]`: checks a cluster definition before anything runs.
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadClusterDefinition, DefinitionError, formatIssue } from '../../twin/inventory/index.js';
import { runPreflight, summarize } from '../../twin/preflight/index.js';
import { PREFLIGHT_FORMATS, renderPreflight, type PreflightFormat } from './preflight-format.js';

/** The story's cluster, used when `--cluster` is not given. */
export const DEFAULT_CLUSTER_DIR = fileURLToPath(new URL('../../../examples/ove-prod-01', import.meta.url));

/** Exit codes: 0 no errors, 1 findings with severity error, 2 the definition could not be read. */
export const PREFLIGHT_EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

/** Where `runPreflightCommand` writes. */
export interface PreflightIo {
  out(text: string): void;
  err(text: string): void;
}

const stdio: PreflightIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Loads, checks and prints; returns the exit code. */
export async function runPreflightCommand(opts: { cluster?: string; output?: string }, io: PreflightIo = stdio): Promise<number> {
  const format = (opts.output ?? 'table') as PreflightFormat;
  if (!PREFLIGHT_FORMATS.includes(format)) {
    io.err(`error: unknown output format "${opts.output}" (use one of ${PREFLIGHT_FORMATS.join(', ')})\n`);
    return PREFLIGHT_EXIT.invalid;
  }
  const dir = opts.cluster ?? DEFAULT_CLUSTER_DIR;
  let def;
  try {
    def = await loadClusterDefinition(dir);
  } catch (err) {
    if (!(err instanceof DefinitionError)) throw err;
    io.err(`error: cannot load the cluster definition in ${dir}:\n${err.issues.map((i) => `  ${formatIssue(i)}\n`).join('')}`);
    return PREFLIGHT_EXIT.invalid;
  }
  const findings = runPreflight(def);
  io.out(renderPreflight(format, def.dir, findings));
  return summarize(findings).error ? PREFLIGHT_EXIT.findings : PREFLIGHT_EXIT.ok;
}

/** Adds `preflight` to the `ove` program. */
export function registerPreflightCommand(program: Command): void {
  program
    .command('preflight')
    .description('check a cluster definition (install-config.yaml + hardware.yaml) before anything runs')
    .option('--cluster <dir>', 'cluster definition directory (default: examples/ove-prod-01)')
    .option('-o, --output <format>', `output format: ${PREFLIGHT_FORMATS.join('|')}`, 'table')
    .action(async (opts: { cluster?: string; output?: string }) => {
      process.exitCode = await runPreflightCommand(opts);
    });
}
