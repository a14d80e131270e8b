/** The HTTP(S) transport: keep-alive connections to a server, bearer-token auth, a CA bundle. */
import http from 'node:http';
import https from 'node:https';
import type { LineHandlers, LineStream, Transport, TransportRequest, TransportResponse } from './transport.js';

/** Where and how to connect. */
export interface HttpTransportOptions {
  /** e.g. `https://127.0.0.1:6443` */
  server: string;
  token?: string;
  ca?: string | Buffer;
  insecureSkipTlsVerify?: boolean;
  userAgent?: string;
  /** Socket pool size. */
  maxSockets?: number;
}

/** Talks HTTP(S) to a server. */
export class HttpTransport implements Transport {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(private readonly opts: HttpTransportOptions) {
    this.base = new URL(opts.server);
    const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 64 };
    this.agent = this.base.protocol === 'https:' ? new https.Agent({ ...agentOpts, ca: opts.ca, rejectUnauthorized: !opts.insecureSkipTlsVerify }) : new http.Agent(agentOpts);
  }

  request(req: TransportRequest): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const r = this.open(req, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      r.on('error', reject);
      r.end(req.body);
    });
  }

  stream(req: TransportRequest, h: LineHandlers): LineStream {
    let ended = false;
    const end = (err?: Error) => {
      if (!ended) {
        ended = true;
        h.onEnd(err);
      }
    };
    const r = this.open(req, (res) => {
      h.onStatus?.(res.statusCode ?? 0);
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          if (line.trim()) h.onLine(line);
        }
      });
      res.on('end', () => {
        if (buf.trim()) h.onLine(buf);
        end();
      });
      res.on('error', (e) => end(e));
      res.on('close', () => end());
    });
    r.on('error', (e) => end(e));
    r.end(req.body);
    return { close: () => (r.destroy(), end()) };
  }

  private open(req: TransportRequest, onResponse: (res: http.IncomingMessage) => void): http.ClientRequest {
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': this.opts.userAgent ?? 'ove/v0.1.0', ...req.headers };
    if (this.opts.token) headers.Authorization = `Bearer ${this.opts.token}`;
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const mod = this.base.protocol === 'https:' ? https : http;
    return mod.request({ host: this.base.hostname, port: this.base.port, method: req.method, path: req.path, headers, agent: this.agent }, onResponse);
  }

  /** Closes idle sockets. */
  close(): void {
    this.agent.destroy();
  }
}
