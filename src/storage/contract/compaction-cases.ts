/** Contract cases: compaction keeps current values and refuses history below it. */
import { expect, it } from 'vitest';
import { CompactedError } from '../backend.js';
import { bytes, collect, rejection, text, type ContractContext } from './contract-context.js';

/** Registers the compaction cases. */
export function compactionCases(ctx: ContractContext): void {
  it('compact() keeps current values and refuses lists and watches below it', async () => {
    const b = await ctx.open();
    const a = await b.create('/c/a', bytes('a1'));
    const old = await b.currentRevision();
    const a2 = await b.update('/c/a', bytes('a2'), a.modRevision);
    const gone = await b.create('/c/gone', bytes('g'));
    await b.delete('/c/gone', gone.modRevision);
    const keep = await b.create('/c/keep', bytes('k'));
    const target = keep.modRevision;
    const after = await b.update('/c/a', bytes('a3'), a2.modRevision);
    await b.compact(target);
    expect(await b.compactedRevision()).toBe(target + 1);

    const err = await rejection(b.list('/c/', { revision: old }));
    expect(err).toBeInstanceOf(CompactedError);
    expect((err as CompactedError).requested).toBe(old);
    const w = collect(b, '/c/', old);
    expect(await w.failure).toBeInstanceOf(CompactedError);

    const atTarget = await b.list('/c/', { revision: target });
    expect(atTarget.items.map((kv) => [kv.key, text(kv.value)])).toEqual([['/c/a', 'a2'], ['/c/keep', 'k']]);
    const now = await b.list('/c/');
    expect(now.items.map((kv) => [kv.key, text(kv.value), kv.createRevision])).toEqual([
      ['/c/a', 'a3', a.createRevision],
      ['/c/keep', 'k', keep.createRevision],
    ]);
    const fromTarget = collect(b, '/c/', target);
    const [ev] = await fromTarget.until(1);
    fromTarget.watch.cancel();
    expect(ev!.kv.modRevision).toBe(after.modRevision);
    expect(ev!.prev && text(ev!.prev.value)).toBe('a2');
  });

  it('compact() of an older revision is a no-op, and writes go on after it', async () => {
    const b = await ctx.open();
    const a = await b.create('/c2/a', bytes('1'));
    const u = await b.update('/c2/a', bytes('2'), a.modRevision);
    await b.compact(u.modRevision);
    await b.compact(a.modRevision);
    expect(await b.compactedRevision()).toBeGreaterThanOrEqual(u.modRevision + 1);
    const u2 = await b.update('/c2/a', bytes('3'), u.modRevision);
    expect(u2.createRevision).toBe(a.createRevision);
    expect(u2.modRevision).toBeGreaterThan(u.modRevision);
    await b.delete('/c2/a');
    await b.create('/c2/a', bytes('again'));
    expect(text((await b.get('/c2/a'))!.value)).toBe('again');
  });
}
