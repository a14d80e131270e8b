/**
 * Formats failures the way kubectl's `cmdutil.CheckErr` prints them: a server Status as
 * `Error from server (Reason): message`, Invalid as `The Kind "name" is invalid: ...`
 * with one line per cause, and anything else as `error: ...`.
 */
import { StatusError } from '../../api/errors.js';
import { CliError } from './cli-error.js';

/** The text kubectl would print for an error (ending without a newline). */
export function errorMessage(err: unknown): string {
  if (err instanceof CliError) return err.message;
  if (err instanceof StatusError) return statusMessage(err);
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

function statusMessage(err: StatusError): string {
  if (err.reason === 'Invalid' || err.code === 422) {
    const d = err.details;
    let s = 'The request is invalid';
    if (!d) return err.message ? `${s}: ${err.message}` : s;
    if (d.kind || d.name) s = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
    else if (err.message && !d.causes?.length) s += `: ${err.message}`;
    const msgs = [...new Set((d.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message}`))];
    if (msgs.length === 0) return s;
    if (msgs.length === 1) return `${s}: ${msgs[0]}`;
    return `${s}: \n${msgs.map((m) => `* ${m}`).join('\n')}`;
  }
  if (err.reason === 'Unauthorized') return `error: You must be logged in to the server (${err.message})`;
  return err.reason ? `Error from server (${err.reason}): ${err.message}` : `Error from server: ${err.message}`;
}

/** Re-words a server error with the file it came from, as kubectl's AddSourceToErr does. */
export function withSource(err: unknown, verb: string, source: string | undefined): unknown {
  if (!source || !(err instanceof StatusError)) return err;
  return new StatusError(err.reason, `error when ${verb} "${source}": ${err.message}`, err.details, err.code);
}
