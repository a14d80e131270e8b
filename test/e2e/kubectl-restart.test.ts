/** `ove up` on sqlite through the real kubectl: objects survive kill -9 and a restart; a watch ends with the server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOve, type OveProcess } from './support/ove-process.js';

let ove: OveProcess;

beforeAll(async () => {
  ove = await startOve({ storage: 'sqlite' });
});

afterAll(async () => {
  await ove?.stop();
});

describe('restart on the same data dir', () => {
  it('keeps every acknowledged object, with its resourceVersion, across kill -9', async () => {
    await ove.kubectl(['create', 'ns', 'kept']);
    const created = await ove.kubectl(['create', 'cm', 'c1', '-n', 'kept', '--from-literal=a=b', '-o', 'jsonpath={.metadata.resourceVersion}']);
    expect(created.stdout).toMatch(/^\d+$/);
    const watch = ove.spawnKubectl(['get', 'cm', '-n', 'kept', '-w'], { timeoutMs: 30_000 });
    await watch.waitFor(/^c1\s+1\s+/m);

    await ove.kill9();
    // kubectl get -w ends when the server closes the stream; it does not re-watch.
    expect((await watch.done).code).not.toBeNull();
    await ove.restart();

    const got = await ove.kubectl(['get', 'cm', 'c1', '-n', 'kept', '-o', 'jsonpath={.metadata.resourceVersion} {.data.a}']);
    expect(got.stdout).toBe(`${created.stdout} b`);
    expect((await ove.kubectl(['get', 'ns', 'kept'])).stdout).toMatch(/^kept\s+Active\s+\S+$/m);
    const after = await ove.kubectl(['create', 'cm', 'c2', '-n', 'kept', '-o', 'jsonpath={.metadata.resourceVersion}']);
    expect(Number(after.stdout)).toBeGreaterThan(Number(created.stdout));
  });
});
