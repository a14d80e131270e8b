/**
 * The in-process transport: requests go straight into the API server's request
 * listener (no sockets, no TLS) with the same pipeline a remote client gets —
 * authentication, authorization, admission — as kube's loopback client does.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { LineHandlers, LineStream, Transport, TransportRequest, TransportResponse } from './transport.js';

/** Node's `(req, res)` request listener. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Calls a request listener in-process. */
export class InProcessTransport implements Transport {
  constructor(private readonly listener: RequestListener, private readonly token: string, private readonly userAgent = 'ove-controller/v0.1.0') {}

  request(req: TransportRequest): Promise<TransportResponse> {
    return new Promise((resolve) => {
      const res = new MemoryResponse();
      const chunks: (string | Buffer)[] = [];
      res.onData = (c) => chunks.push(c);
      res.onEnd = () => resolve(response(res.statusCode, res.headersOut, chunks));
      this.listener(this.incoming(req), res as unknown as ServerResponse);
    });
  }

  stream(req: TransportRequest, h: LineHandlers): LineStream {
    const res = new MemoryResponse();
    let buf = '';
    let ended = false;
    res.onHead = () => h.onStatus?.(res.statusCode);
    res.onData = (c) => {
      const text = typeof c === 'string' ? c : c.toString('utf8');
      // The server writes one whole event per write: hand it over without buffering.
      if (buf === '' && text.indexOf('\n') === text.length - 1) {
        const line = text.slice(0, -1);
        if (line.trim()) h.onLine(line);
        return;
      }
      buf += text;
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.trim()) h.onLine(line);
      }
    };
    res.onEnd = () => {
      if (ended) return;
      ended = true;
      if (buf.trim()) h.onLine(buf);
      h.onEnd();
    };
    this.listener(this.incoming(req), res as unknown as ServerResponse);
    return {
      close: () => {
        res.emit('close');
        res.onEnd?.();
      },
    };
  }

  private incoming(req: TransportRequest): IncomingMessage {
    const body = req.body === undefined ? [] : [typeof req.body === 'string' ? Buffer.from(req.body) : req.body];
    const msg = Readable.from(body) as unknown as IncomingMessage & { url: string; method: string; headers: Record<string, string> };
    msg.url = req.path;
    msg.method = req.method;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.userAgent, authorization: `Bearer ${this.token}` };
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    msg.headers = headers;
    return msg;
  }
}

/**
 * A response whose body the server wrote as text (as respond() does) keeps that text,
 * so the client decodes it without a round trip through bytes; `body` is made on demand.
 */
function response(status: number, headers: Record<string, string | string[]>, chunks: (string | Buffer)[]): TransportResponse {
  if (!chunks.every((c) => typeof c === 'string')) {
    return { status, headers, body: Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))) };
  }
  const text = chunks.length === 1 ? (chunks[0] as string) : chunks.join('');
  let body: Buffer | undefined;
  return {
    status,
    headers,
    text,
    get body(): Buffer {
      return (body ??= Buffer.from(text));
    },
  };
}

/** The subset of ServerResponse the API server uses, kept in memory. */
class MemoryResponse extends EventEmitter {
  statusCode = 200;
  headersSent = false;
  headersOut: Record<string, string | string[]> = {};
  writableLength = 0;
  onHead?: () => void;
  onData?: (c: string | Buffer) => void;
  onEnd?: () => void;
  private finished = false;

  setHeader(k: string, v: string | string[]): void {
    this.headersOut[k.toLowerCase()] = v;
  }
  writeHead(code: number, headers?: Record<string, string | string[]>): this {
    this.statusCode = code;
    for (const [k, v] of Object.entries(headers ?? {})) this.setHeader(k, v);
    this.headersSent = true;
    this.onHead?.();
    return this;
  }
  flushHeaders(): void {}
  write(chunk: string | Buffer): boolean {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!this.finished) this.onData?.(chunk);
    return true;
  }
  end(chunk?: string | Buffer): this {
    if (this.finished) return this;
    if (chunk !== undefined) this.write(chunk);
    else if (!this.headersSent) this.writeHead(this.statusCode);
    this.finished = true;
    this.onEnd?.();
    this.emit('close');
    return this;
  }
}
