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
