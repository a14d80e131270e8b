/**
 * Watch delivery latency: `watchers` separate watch requests on one namespace's ConfigMaps,
 * then `writes` creates spaced on a timer; for every (write, watcher) pair the time from the
 * write's acknowledgement (its 2xx answer) to the event's arrival at that watcher.
 */
import type { ClientRequest } from 'node:http';
import https from 'node:https';
import type { HttpsApi } from '../../test/support/https-api.js';

/** What the watchers saw. */
export interface WatchLatency {
  /** ms from write ack to receipt, per delivery (0 when the event beat the ack). */
  fromAck: number[];
  /** ms from write send to receipt, per delivery. */
  fromSend: number[];
  /** Deliveries expected but not seen within the grace period. */
  missing: number;
}

/** Opens the watchers, writes, and collects per-delivery latencies. */
export async function measureWatchLatency(api: HttpsApi, url: string, caPem: string, token: string, ns: string, watchers: number, writes: number, writesPerSec: number): Promise<WatchLatency> {
  const list = await api.request({ path: `/api/v1/namespaces/${ns}/configmaps` });
  const rv = list.json.metadata.resourceVersion as string;
  const agent = new https.Agent({ keepAlive: true, maxSockets: watchers + 10, ca: caPem });
  const base = new URL(url);
  const received: Map<string, number>[] = Array.from({ length: watchers }, () => new Map());
  const reqs: ClientRequest[] = [];
  await Promise.all(
    Array.from({ length: watchers }, (_, w) => new Promise<void>((resolve, reject) => {
      const req = https.request({ host: base.hostname, port: base.port, agent, path: `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=${rv}`, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`watch ${w}: HTTP ${res.statusCode}`));
        res.setEncoding('utf8');
        // Only the object's name is needed: a regex over whole lines instead of parsing each event.
        let rest = '';
        res.on('data', (chunk: string) => {
          const now = performance.now();
          const text = rest + chunk;
          const end = text.lastIndexOf('\n');
          rest = text.slice(end + 1);
          for (const m of text.slice(0, end + 1).matchAll(/"name":"(bw-\d+)"/g)) if (!received[w]!.has(m[1]!)) received[w]!.set(m[1]!, now);
        });
        res.on('error', () => undefined);
        resolve();
      });
      req.on('error', (e) => reject(e));
      req.end();
      reqs.push(req);
    })),
  );
  const acks = new Map<string, { sent: number; ack: number }>();
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let i = 0;
    const timer = setInterval(() => {
      const name = `bw-${i++}`;
      const sent = performance.now();
      pending.push(api.request({ method: 'POST', path: `/api/v1/namespaces/${ns}/configmaps`, body: { metadata: { name }, data: { v: 'x'.repeat(512) } } }).then((r) => {
        if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.text}`);
        acks.set(name, { sent, ack: performance.now() });
      }));
      if (i >= writes) {
        clearInterval(timer);
        resolve();
      }
    }, 1000 / writesPerSec);
  });
  await Promise.all(pending);
  const complete = () => received.every((m) => m.size >= writes);
  const deadline = performance.now() + 10_000;
  while (!complete() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const r of reqs) r.destroy();
  agent.destroy();
  const fromAck: number[] = [];
  const fromSend: number[] = [];
  let missing = 0;
  for (const m of received) {
    for (const [name, t] of acks) {
      const at = m.get(name);
      if (at === undefined) missing++;
      else {
        fromAck.push(Math.max(0, at - t.ack));
        fromSend.push(at - t.sent);
      }
    }
  }
  return { fromAck, fromSend, missing };
}
