import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurable, writeFileDurableInBackground } from './state-file.js';

describe('durable state files', () => {
  it('a background write lands when still wanted', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ove-state-')), 'ceph', 'engine.json');
    expect(await writeFileDurableInBackground(path, 'v1', () => true)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('v1');
  });

  it('a synchronous save made while a background write is in flight is never replaced by it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ove-state-')), 'engine.json');
    let generation = 1;
    const mine = generation;
    const bg = writeFileDurableInBackground(path, 'older', () => mine === generation);
    generation++;
    writeFileDurable(path, 'newer');
    expect(await bg).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('newer');
  });
});
