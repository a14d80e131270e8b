/** Output streams of a command, and the wrapper that prints failures as kubectl does. */
import type { Command } from 'commander';
import { errorMessage } from './error-message.js';

/** Where a command writes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The process's stdout and stderr. */
export const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

/** Adds `--kubeconfig`, `--context` and `-n/--namespace` to a command. */
export function withAccessFlags(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <path>', 'path to the kubeconfig file')
    .option('--context <name>', 'the kubeconfig context to use')
    .option('-n, --namespace <namespace>', 'the namespace scope for this request');
}

/** Runs a command body: a thrown error is printed to stderr and the exit code becomes 1 (or the body's code). */
export async function runCommand(io: CliIo, body: () => Promise<number | void>): Promise<number> {
  try {
    return (await body()) ?? 0;
  } catch (err) {
    io.err(`${errorMessage(err)}\n`);
    return (err as { exitCode?: number }).exitCode ?? 1;
  }
}
