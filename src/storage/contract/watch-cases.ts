/** Contract cases: watches from a past revision, live events, deletes with prev, prefixes. */
import { expect, it } from 'vitest';
import { bytes, collect, text, type ContractContext } from './contract-context.js';

/** Registers the watch cases. */
export function watchCases(ctx: ContractContext): void {
  it('watch() from a past revision replays history in revision order, then live events', async () => {
    const b = await ctx.open();
    const before = await b.create('/w/old', bytes('old'));
    const c = await b.create('/w/k', bytes('1'));
    const u = await b.update('/w/k', bytes('2'), c.modRevision);
    const w = collect(b, '/w/', before.modRevision);
    const live = await b.update('/w/k', bytes('3'), u.modRevision);
    const evs = await w.until(3);
    w.watch.cancel();
    expect(evs.map((e) => [e.type, e.kv.key, text(e.kv.value), e.kv.modRevision])).toEqual([
      ['put', '/w/k', '1', c.modRevision],
      ['put', '/w/k', '2', u.modRevision],
      ['put', '/w/k', '3', live.modRevision],
    ]);
    expect(evs[0]!.prev).toBeUndefined();
    expect(evs[1]!.prev && text(evs[1]!.prev.value)).toBe('1');
    expect(evs[1]!.prev?.modRevision).toBe(c.modRevision);
    expect(evs[2]!.kv.createRevision).toBe(c.createRevision);
  });

  it('watch() reports a delete with the deleted value at the delete revision and the prev value', async () => {
    const b = await ctx.open();
    const c = await b.create('/wd/k', bytes('v'));
    const w = collect(b, '/wd/', c.modRevision);
    const d = await b.delete('/wd/k');
    const [ev] = await w.until(1);
    w.watch.cancel();
    expect(ev!.type).toBe('delete');
    expect(ev!.kv.key).toBe('/wd/k');
    expect(ev!.kv.modRevision).toBe(d.modRevision);
    expect(text(ev!.kv.value)).toBe('v');
    expect(ev!.prev?.modRevision).toBe(c.modRevision);
    expect(text(ev!.prev!.value)).toBe('v');
  });

  it('watch() sees only its prefix and nothing at or before fromRevision', async () => {
    const b = await ctx.open();
    await b.create('/wp/a', bytes('a'));
    const from = await b.currentRevision();
    await b.create('/wpx/b', bytes('b'));
    await b.create('/other/c', bytes('c'));
    const inside = await b.create('/wp/d', bytes('d'));
    const w = collect(b, '/wp/', from);
    const evs = await w.until(1);
    await b.create('/wp/e', bytes('e'));
    const more = await w.until(2);
    w.watch.cancel();
    expect(evs.map((e) => e.kv.modRevision)).toEqual([inside.modRevision]);
    expect(more.map((e) => e.kv.key)).toEqual(['/wp/d', '/wp/e']);
  });

  it('cancel() stops a watch while others keep receiving', async () => {
    const b = await ctx.open();
    const from = await b.currentRevision();
    const cancelled = collect(b, '/wc/', from);
    cancelled.watch.cancel();
    const kept = collect(b, '/wc/', from);
    await b.create('/wc/a', bytes('a'));
    await b.create('/wc/b', bytes('b'));
    await kept.until(2);
    kept.watch.cancel();
    expect(cancelled.events).toEqual([]);
  });
}
