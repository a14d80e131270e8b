/** A Transport wrapper that turns connection failures into the CLI's "cannot reach" error. */
import type { LineHandlers, LineStream, Transport, TransportRequest, TransportResponse } from '../../client/transport.js';
import { CliError } from './cli-error.js';

/** `ove: cannot reach the API server at URL: connect ECONNREFUSED` for a socket-level failure. */
export function unreachable(server: string, err: unknown): CliError {
  const e = err as NodeJS.ErrnoException;
  const detail = e.syscall && e.code ? `${e.syscall} ${e.code}` : e.message ?? String(err);
  return new CliError(`ove: cannot reach the API server at ${server}: ${detail}`);
}

/** Wraps a transport so that network errors name the server. */
export class ReachableTransport implements Transport {
  constructor(
    private readonly inner: Transport,
    private readonly server: string,
  ) {}

  async request(req: TransportRequest): Promise<TransportResponse> {
    try {
      return await this.inner.request(req);
    } catch (err) {
      throw unreachable(this.server, err);
    }
  }

  stream(req: TransportRequest, h: LineHandlers): LineStream {
    return this.inner.stream(req, { ...h, onEnd: (err) => h.onEnd(err && (err as NodeJS.ErrnoException).syscall ? unreachable(this.server, err) : err) });
  }
}
