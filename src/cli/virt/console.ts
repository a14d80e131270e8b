/**
 * `ove virt console VMI`: attaches the terminal to the VMI's serial console as virtctl
 * does (`pkg/virtctl/console/console.go`): raw mode when stdin is a terminal, the
 * "Successfully connected" line on stderr, guest bytes to stdout, typed bytes to the
 * guest, and `^]` (0x1d) or the end of stdin to leave.
 */
import type { Readable, Writable } from 'node:stream';
import type WebSocket from 'ws';
import { CliError } from '../kube/cli-error.js';

/** Ctrl+], virtctl's escape byte. */
export const ESCAPE_BYTE = 0x1d;

/** What the console reads from and writes to. */
export interface ConsoleTerminal {
  input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: Writable;
  err(text: string): void;
}

/** The line virtctl prints once the stream is open. */
export function connectedMessage(name: string): string {
  return `Successfully connected to ${name} console. The escape sequence is ^]\n`;
}

/** Splits typed bytes at the escape: what to send, and whether the user left. */
export function splitAtEscape(chunk: Buffer): { send: Buffer; escaped: boolean } {
  const i = chunk.indexOf(ESCAPE_BYTE);
  return i < 0 ? { send: chunk, escaped: false } : { send: chunk.subarray(0, i), escaped: true };
}

const DISCONNECTED = '\nYou were disconnected from the console. This has one of the following reasons:\n - another user connected to the console of the target vm\n - network issues\n';

/** Runs the session on an open socket until the user escapes, stdin ends or the server closes. */
export function attachConsole(ws: WebSocket, name: string, term: ConsoleTerminal): Promise<void> {
  const raw = Boolean(term.input.isTTY && term.input.setRawMode);
  if (raw) term.input.setRawMode!(true);
  term.err(connectedMessage(name));
  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = (err?: Error) => {
      if (finished) return;
      finished = true;
      term.input.off('data', onData);
      term.input.off('end', onEnd);
      process.off('SIGINT', onInterrupt);
      term.input.pause();
      if (raw) term.input.setRawMode!(false);
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(1000);
      if (err) reject(err);
      else resolve();
    };
    const onData = (chunk: Buffer | string) => {
      const { send, escaped } = splitAtEscape(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      if (send.length && ws.readyState === ws.OPEN) ws.send(send);
      if (escaped) finish();
    };
    const onEnd = () => finish();
    // In raw mode ^C reaches the guest as a byte; a signal only comes when stdin is not a terminal.
    const onInterrupt = () => finish();
    ws.on('message', (data: Buffer) => void term.output.write(data));
    ws.once('close', (code: number, reason: Buffer) => {
      if (code === 1006) {
        term.err(DISCONNECTED);
        finish(new CliError('websocket: close 1006 (abnormal closure): unexpected EOF'));
      } else if (code === 1000 || code === 1005) finish();
      else finish(new CliError(`websocket: close ${code}${reason.length ? ` ${reason.toString('utf8')}` : ''}`));
    });
    ws.on('error', (err) => finish(new CliError(err.message)));
    term.input.on('data', onData);
    term.input.once('end', onEnd);
    process.once('SIGINT', onInterrupt);
    term.input.resume();
  });
}
