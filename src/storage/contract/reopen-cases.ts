/** Contract cases for persistent backends: closing and reopening keeps everything. */
import { expect, it } from 'vitest';
import { CompactedError } from '../backend.js';
import { bytes, collect, rejection, text, type ContractContext } from './contract-context.js';

/** Registers the close/reopen cases (only for factories with `reopen`). */
export function reopenCases(ctx: ContractContext): void {
  it('reopening keeps values, revisions, history and the compacted revision', async () => {
    const reopen = ctx.reopen!;
    const b = await ctx.open();
    const a = await b.create('/ro/a', bytes('a1'));
    const a2 = await b.update('/ro/a', bytes('a2'), a.modRevision);
    const del = await b.create('/ro/del', bytes('d'));
    await b.compact(a2.modRevision);
    const d = await b.delete('/ro/del', del.modRevision);
    const last = await b.create('/ro/z', bytes('z'));
    const rev = await b.currentRevision();

    const r = await reopen(b);
    expect(await r.currentRevision()).toBe(rev);
    expect(await r.compactedRevision()).toBe(a2.modRevision + 1);
    expect((await r.list('/ro/')).items.map((kv) => [kv.key, text(kv.value), kv.modRevision])).toEqual([
      ['/ro/a', 'a2', a2.modRevision],
      ['/ro/z', 'z', last.modRevision],
    ]);
    expect((await r.list('/ro/', { revision: del.modRevision })).items.map((kv) => kv.key)).toEqual(['/ro/a', '/ro/del']);
    expect(await rejection(r.list('/ro/', { revision: a.modRevision }))).toBeInstanceOf(CompactedError);
    const w = collect(r, '/ro/', a2.modRevision);
    const evs = await w.until(3);
    w.watch.cancel();
    expect(evs.map((e) => [e.type, e.kv.key, e.kv.modRevision])).toEqual([
      ['put', '/ro/del', del.modRevision],
      ['delete', '/ro/del', d.modRevision],
      ['put', '/ro/z', last.modRevision],
    ]);
    const next = await r.create('/ro/after', bytes('x'));
    expect(next.modRevision).toBeGreaterThan(rev);
  });
}
