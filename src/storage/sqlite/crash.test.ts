import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAndKillWriter } from '../../../test/support/crash-writer-harness.js';
import { SqliteBackend } from './sqlite-backend.js';

const dir = mkdtempSync(join(tmpdir(), 'ove-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteBackend crash safety', () => {
  it('keeps every acknowledged write, with its revision, after the writer is killed with SIGKILL', async () => {
    const file = join(dir, 'crash.db');
    const acked = await runAndKillWriter(['sqlite', file], 1500);
    expect(acked.size).toBeGreaterThan(0);
    const b = await SqliteBackend.open(file);
    let maxAcked = 0;
    for (const [key, ack] of acked) {
      const kv = await b.get(key);
      expect(kv, key).toBeDefined();
      expect(kv!.createRevision).toBe(ack.create);
      // An update may have committed without its ack reaching us; an acked one must be there exactly.
      if (ack.update !== undefined) expect(kv!.modRevision).toBe(ack.update);
      else expect(kv!.modRevision).toBeGreaterThanOrEqual(ack.create);
      maxAcked = Math.max(maxAcked, ack.update ?? ack.create);
    }
    expect(await b.currentRevision()).toBeGreaterThanOrEqual(maxAcked);
    const next = await b.create('/after-crash', new Uint8Array(1));
    expect(next.modRevision).toBeGreaterThan(maxAcked);
    await b.close();
  });
});
