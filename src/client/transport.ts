/**
 * How the client reaches an API server: a request/response call and a line stream for
 * watches. Two implementations share these semantics: HTTP(S) to a remote server and
 * in-process, straight into the server's request listener.
 */

/** One request. */
export interface TransportRequest {
  method: string;
  /** Path with query string, e.g. `/api/v1/namespaces/default/pods?limit=500`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One complete response. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The body as text, when the transport has it without decoding bytes (in-process). */
  text?: string;
}

/** A live stream of response lines (a watch). */
export interface LineStream {
  close(): void;
}

/** Callbacks of a line stream. */
export interface LineHandlers {
  /** The status once headers arrive; non-200 streams deliver their body as one line and end. */
  onStatus?(status: number): void;
  onLine(line: string): void;
  onEnd(err?: Error): void;
}

/** A way to talk to an API server. */
export interface Transport {
  request(req: TransportRequest): Promise<TransportResponse>;
  stream(req: TransportRequest, handlers: LineHandlers): LineStream;
}
