/**
 * Load shapes for the API benchmark: closed loop (N workers, each sending its next request
 * when the previous one is answered) for throughput, and open loop (sends scheduled on a
 * timer at a fixed rate, latency measured from the scheduled time, so a slow server cannot
 * slow the schedule down and hide its queueing) for latency.
 */

/** One request; resolves when a 2xx answer has arrived, rejects otherwise. */
export type Op = (i: number) => Promise<void>;

/** Requests/s of `n` calls of `op` from `concurrency` workers. */
export async function closedLoop(n: number, concurrency: number, op: Op): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < n) await op(next++);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
  return n / ((performance.now() - start) / 1000);
}

/** Result of an open-loop run. */
export interface OpenLoopResult {
  /** Milliseconds from each request's scheduled send time to its answer. */
  latencies: number[];
  /** Requests actually sent per second (below `rate` when the timer itself fell behind). */
  achievedRate: number;
}

/** Sends `count` calls of `op` at `rate` per second on a timer and measures each from its scheduled time. */
export async function openLoop(rate: number, count: number, op: Op): Promise<OpenLoopResult> {
  const latencies = new Array<number>(count);
  const pending: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(count, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      while (sent < due) {
        const i = sent++;
        const scheduled = start + (i * 1000) / rate;
        pending.push(op(i).then(() => void (latencies[i] = performance.now() - scheduled)));
      }
      if (sent < count) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  const sendSpan = performance.now() - start;
  await Promise.all(pending);
  return { latencies, achievedRate: count / (sendSpan / 1000) };
}

/** The p-th percentile (0-100) of `xs`, nearest-rank. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
