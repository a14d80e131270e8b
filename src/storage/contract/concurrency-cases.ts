/** Contract cases: concurrent writers, one winner per guarded revision, watches see every write. */
import { expect, it } from 'vitest';
import { ConflictError, KeyExistsError, type Backend } from '../backend.js';
import { bytes, collect, text, type ContractContext } from './contract-context.js';

/** Registers the concurrency cases. */
export function concurrencyCases(ctx: ContractContext): void {
  it('200 concurrent creates all succeed with distinct, strictly increasing revisions', async () => {
    const b = await ctx.open();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => b.create(`/cc/k${String(i).padStart(3, '0')}`, bytes(String(i)))),
    );
    const revs = results.map((kv) => kv.modRevision);
    expect(new Set(revs).size).toBe(200);
    const listed = await b.list('/cc/');
    expect(listed.items).toHaveLength(200);
    expect(Math.max(...revs)).toBeLessThanOrEqual(listed.revision);
    for (const kv of listed.items) expect(revs).toContain(kv.modRevision);
  });

  it('concurrent creates of one key have exactly one winner', async () => {
    const b = await ctx.open();
    const settled = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => b.create('/one/k', bytes(String(i)))));
    const won = settled.filter((s) => s.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const s of settled) if (s.status === 'rejected') expect(s.reason).toBeInstanceOf(KeyExistsError);
    const winner = (won[0] as PromiseFulfilledResult<{ value: Uint8Array }>).value;
    expect(text((await b.get('/one/k'))!.value)).toBe(text(winner.value));
  });

  it('racing updates of one key: exactly one winner per revision, no lost increment', async () => {
    const b = await ctx.open();
    await b.create('/race/n', bytes('0'));
    const winsByExpected = new Map<number, number>();
    const conflicts = { n: 0 };
    await Promise.all(Array.from({ length: 8 }, () => increment(b, 10, winsByExpected, conflicts)));
    const final = await b.get('/race/n');
    expect(text(final!.value)).toBe('80');
    expect(winsByExpected.size).toBe(80);
    for (const wins of winsByExpected.values()) expect(wins).toBe(1);
    expect(conflicts.n).toBeGreaterThan(0);
  });

  it('a watch sees every acknowledged concurrent write exactly once, in revision order', async () => {
    const b = await ctx.open();
    const from = await b.currentRevision();
    const w = collect(b, '/cw/', from);
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => b.create(`/cw/${i}`, bytes('x'))));
    const evs = await w.until(100);
    w.watch.cancel();
    const seen = evs.map((e) => e.kv.modRevision);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(new Set(seen)).toEqual(new Set(acks.map((kv) => kv.modRevision)));
  });
}

async function increment(b: Backend, times: number, wins: Map<number, number>, conflicts: { n: number }): Promise<void> {
  let cur = (await b.get('/race/n'))!;
  for (let done = 0; done < times; ) {
    try {
      const next = await b.update('/race/n', bytes(String(Number(text(cur.value)) + 1)), cur.modRevision);
      wins.set(cur.modRevision, (wins.get(cur.modRevision) ?? 0) + 1);
      cur = next;
      done++;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      conflicts.n++;
      cur = err.current;
    }
  }
}
