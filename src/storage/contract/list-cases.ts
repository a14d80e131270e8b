/** Contract cases: ranged reads with limit, startAfter, remaining counts and past revisions. */
import { expect, it } from 'vitest';
import { bytes, text, type ContractContext } from './contract-context.js';

/** Registers the list cases. */
export function listCases(ctx: ContractContext): void {
  it('list() returns the keys under the prefix in key order, and no sibling prefix', async () => {
    const b = await ctx.open();
    for (const k of ['/l/b', '/l/a', '/l/c/x', '/lz', '/l0', '/k/a']) await b.create(k, bytes(k));
    const res = await b.list('/l/');
    expect(res.items.map((kv) => kv.key)).toEqual(['/l/a', '/l/b', '/l/c/x']);
    expect(res.items.map((kv) => text(kv.value))).toEqual(['/l/a', '/l/b', '/l/c/x']);
    expect(res.more).toBe(false);
    expect(res.remaining).toBe(0);
    expect(res.revision).toBe(await b.currentRevision());
    expect((await b.list('/l')).items.map((kv) => kv.key)).toEqual(['/l/a', '/l/b', '/l/c/x', '/l0', '/lz']);
    expect((await b.list('/none/')).items).toEqual([]);
  });

  it('list() pages with limit and startAfter, reporting more and remaining', async () => {
    const b = await ctx.open();
    const keys = Array.from({ length: 10 }, (_, i) => `/p/k${String(i).padStart(2, '0')}`);
    for (const k of keys) await b.create(k, bytes(k));
    await b.create('/q/after', bytes('x'));
    const p1 = await b.list('/p/', { limit: 4 });
    expect(p1.items.map((kv) => kv.key)).toEqual(keys.slice(0, 4));
    expect(p1.more).toBe(true);
    expect(p1.remaining).toBe(6);
    const p2 = await b.list('/p/', { limit: 4, startAfter: p1.items[3]!.key, revision: p1.revision });
    expect(p2.items.map((kv) => kv.key)).toEqual(keys.slice(4, 8));
    expect(p2.remaining).toBe(2);
    expect(p2.revision).toBe(p1.revision);
    const p3 = await b.list('/p/', { limit: 4, startAfter: p2.items[3]!.key });
    expect(p3.items.map((kv) => kv.key)).toEqual(keys.slice(8));
    expect(p3.more).toBe(false);
    expect(p3.remaining).toBe(0);
    const exact = await b.list('/p/', { limit: 10 });
    expect(exact.more).toBe(false);
    expect(exact.items).toHaveLength(10);
  });

  it('list() at a past revision shows the state of that revision', async () => {
    const b = await ctx.open();
    const a = await b.create('/h/a', bytes('a1'));
    const del = await b.create('/h/del', bytes('d'));
    const at = await b.currentRevision();
    await b.update('/h/a', bytes('a2'), a.modRevision);
    await b.delete('/h/del', del.modRevision);
    await b.create('/h/new', bytes('n'));
    const past = await b.list('/h/', { revision: at });
    expect(past.revision).toBe(at);
    expect(past.items.map((kv) => [kv.key, text(kv.value), kv.modRevision])).toEqual([
      ['/h/a', 'a1', a.modRevision],
      ['/h/del', 'd', del.modRevision],
    ]);
    const paged = await b.list('/h/', { revision: at, limit: 1 });
    expect(paged.items.map((kv) => kv.key)).toEqual(['/h/a']);
    expect(paged.more).toBe(true);
    expect(paged.remaining).toBe(1);
    const now = await b.list('/h/');
    expect(now.items.map((kv) => [kv.key, text(kv.value)])).toEqual([['/h/a', 'a2'], ['/h/new', 'n']]);
  });

  it('list() refuses a revision the store has not reached', async () => {
    const b = await ctx.open();
    await b.create('/f/a', bytes('a'));
    const cur = await b.currentRevision();
    await expect(b.list('/f/', { revision: cur + 1000 })).rejects.toThrow(/future revision/);
  });
}
