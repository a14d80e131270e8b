/** A small HTTPS client for the API (keep-alive, the server's CA, a bearer token) used by e2e tests and bench/api. */
import https from 'node:https';

/** An answer: status code and body text (parsed when JSON). */
export interface ApiAnswer {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Options of one request. */
export interface ApiRequest {
  method?: string;
  path: string;
  body?: string | Buffer | object;
  headers?: Record<string, string>;
  /** Omit the bearer token (anonymous). */
  anonymous?: boolean;
  /** Leave `json` undefined instead of parsing the body (large lists in benchmarks). */
  noParse?: boolean;
}

/** Talks to one server with one token over a keep-alive agent. */
export class HttpsApi {
  readonly agent: https.Agent;
  private readonly base: URL;

  constructor(url: string, private readonly caPem: string, private readonly token: string, maxSockets = 64) {
    this.base = new URL(url);
    this.agent = new https.Agent({ keepAlive: true, maxSockets, ca: caPem });
  }

  /** Sends one request and reads the whole answer. */
  request(r: ApiRequest): Promise<ApiAnswer> {
    const body = r.body === undefined ? undefined : typeof r.body === 'string' || Buffer.isBuffer(r.body) ? r.body : JSON.stringify(r.body);
    const headers: Record<string, string | number> = { Accept: 'application/json', ...r.headers };
    if (!r.anonymous) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    return new Promise((resolve, reject) => {
      const req = https.request({ host: this.base.hostname, port: this.base.port, path: r.path, method: r.method ?? 'GET', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json: unknown;
          try {
            json = text && !r.noParse ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Opens a watch (`?watch=true` added) and calls `onEvent` per line until `close()`; resolves once the headers arrived. */
  watch(path: string, onEvent: (ev: { type: string; object: { metadata?: { name?: string; resourceVersion?: string } } }) => void): Promise<{ status: number; close(): void }> {
    const sep = path.includes('?') ? '&' : '?';
    return new Promise((resolve, reject) => {
      const req = https.request({ host: this.base.hostname, port: this.base.port, path: `${path}${sep}watch=true`, headers: { Authorization: `Bearer ${this.token}` }, agent: this.agent }, (res) => {
        let rest = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          const lines = (rest + d).split('\n');
          rest = lines.pop()!;
          for (const l of lines) if (l) onEvent(JSON.parse(l));
        });
        res.on('error', () => undefined);
        resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** Closes idle sockets. */
  close(): void {
    this.agent.destroy();
  }
}
