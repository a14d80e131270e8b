/**
 * Write-rate probes for a storage backend, shared by this benchmark and the API server's:
 * the raw durable single-write rate (one write awaited at a time, so every write pays its
 * own commit) and the rate under concurrency (where the sqlite backend group-commits).
 */
import type { Backend } from '../../src/storage/backend.js';

/** Options of the write-rate probes. */
export interface WriteRateOptions {
  /** Bytes per value (default 1024). */
  valueBytes?: number;
  /** Key prefix (default a fresh `/bench/<run>/`). */
  prefix?: string;
}

let runs = 0;

/** Writes/s creating `n` keys one at a time, each awaited (acknowledged = durable) before the next. */
export async function measureDurableSingleWriteRate(backend: Backend, n: number, opts: WriteRateOptions = {}): Promise<number> {
  return measureConcurrentWriteRate(backend, n, 1, opts);
}

/** The raw durable single writes of `measureDurableSingleWriteRate`, with each write's latency (ms): the disk's fsync tail shows in p99. */
export async function measureDurableSingleWrites(backend: Backend, n: number, { valueBytes = 1024, prefix = `/bench/${process.pid}-${runs++}/` }: WriteRateOptions = {}): Promise<{ perSec: number; p50Ms: number; p99Ms: number }> {
  const value = new Uint8Array(valueBytes).fill(0x61);
  const ms: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await backend.create(`${prefix}${String(i).padStart(8, '0')}`, value);
    ms.push(performance.now() - t);
  }
  const perSec = n / ((performance.now() - start) / 1000);
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!;
  return { perSec, p50Ms: at(50), p99Ms: at(99) };
}

/** Writes/s creating `n` keys from `concurrency` writers, each awaiting its own write before the next. */
export async function measureConcurrentWriteRate(
  backend: Backend,
  n: number,
  concurrency: number,
  { valueBytes = 1024, prefix = `/bench/${process.pid}-${runs++}/` }: WriteRateOptions = {},
): Promise<number> {
  const value = new Uint8Array(valueBytes).fill(0x61);
  let next = 0;
  const writer = async () => {
    while (next < n) await backend.create(`${prefix}${String(next++).padStart(8, '0')}`, value);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, writer));
  return n / ((performance.now() - start) / 1000);
}
