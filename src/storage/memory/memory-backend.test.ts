import { describe, expect, it } from 'vitest';
import { runBackendContract } from '../backend.contract.js';
import { MemoryBackend } from './memory-backend.js';

runBackendContract('memory', { create: async () => new MemoryBackend() });

describe('MemoryBackend', () => {
  it('copies written values, so a reused buffer cannot rewrite history', async () => {
    const b = new MemoryBackend();
    const buf = new TextEncoder().encode('abc');
    await b.create('/m/k', buf);
    buf[0] = 0x7a;
    expect(new TextDecoder().decode((await b.get('/m/k'))!.value)).toBe('abc');
  });

  it('refuses calls after close()', async () => {
    const b = new MemoryBackend();
    await b.close();
    await expect(b.get('/m/k')).rejects.toThrow(/closed/);
  });
});
