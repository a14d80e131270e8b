/**
 * The stream tables are printed to: a blank line between the tables of different types
 * (only once something was written, as kubectl's separatorWriter), and a count of what
 * was written so "No resources found" can be printed when nothing was.
 */
import type { CliIo } from './cli-io.js';
import { GET_TABWRITER, TabWriter } from './tab-writer.js';

/** Separates and counts table output. */
export class TableOutput {
  written = 0;
  #separatorReady = false;

  constructor(private readonly io: CliIo) {}

  /** A tab writer (kubectl get's settings) that writes here. */
  newWriter(): TabWriter {
    return new TabWriter((t) => this.emit(t), GET_TABWRITER);
  }

  /** Writes text, preceded by the pending blank line. */
  emit(text: string): void {
    if (!text) return;
    if (this.#separatorReady) {
      this.io.out('\n');
      this.#separatorReady = false;
    }
    this.io.out(text);
    this.written += text.length;
  }

  /** A new type's table starts: separate it from earlier output, if any. */
  startGroup(): void {
    if (this.written > 0) this.#separatorReady = true;
  }
}

/** kubectl's message when nothing matched. */
export function noResourcesMessage(namespace: string | undefined): string {
  return namespace ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}
