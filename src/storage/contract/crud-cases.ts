/** Contract cases: create, get, update, delete, revisions and size limits. */
import { expect, it } from 'vitest';
import {
  ConflictError,
  KeyExistsError,
  KeyNotFoundError,
  MAX_VALUE_BYTES,
  TooLargeError,
} from '../backend.js';
import { bytes, rejection, text, type ContractContext } from './contract-context.js';

/** Registers the create/get/update/delete cases. */
export function crudCases(ctx: ContractContext): void {
  it('create() then get() returns the value with createRevision = modRevision', async () => {
    const b = await ctx.open();
    const kv = await b.create('/a/one', bytes('v1'));
    expect(kv.key).toBe('/a/one');
    expect(kv.createRevision).toBe(kv.modRevision);
    const got = await b.get('/a/one');
    expect(got && text(got.value)).toBe('v1');
    expect(got?.modRevision).toBe(kv.modRevision);
    expect(got?.createRevision).toBe(kv.createRevision);
    expect(await b.get('/a/missing')).toBeUndefined();
  });

  it('create() of an existing key fails with KeyExistsError and changes nothing', async () => {
    const b = await ctx.open();
    const first = await b.create('/a/x', bytes('1'));
    const err = await rejection(b.create('/a/x', bytes('2')));
    expect(err).toBeInstanceOf(KeyExistsError);
    expect((err as KeyExistsError).key).toBe('/a/x');
    const got = await b.get('/a/x');
    expect(text(got!.value)).toBe('1');
    expect(got!.modRevision).toBe(first.modRevision);
  });

  it('revisions are global and strictly increasing; currentRevision() is the last write', async () => {
    const b = await ctx.open();
    const start = await b.currentRevision();
    const r1 = await b.create('/r/a', bytes('a'));
    const r2 = await b.create('/r/b', bytes('b'));
    const r3 = await b.update('/r/a', bytes('a2'), r1.modRevision);
    const r4 = await b.delete('/r/b');
    const revs = [start, r1.modRevision, r2.modRevision, r3.modRevision, r4.modRevision];
    for (let i = 1; i < revs.length; i++) expect(revs[i]).toBeGreaterThan(revs[i - 1]!);
    expect(await b.currentRevision()).toBe(r4.modRevision);
    expect(Number.isInteger(r4.modRevision)).toBe(true);
  });

  it('update() applies only at the expected modRevision and keeps createRevision', async () => {
    const b = await ctx.open();
    const c = await b.create('/u/k', bytes('v1'));
    const u1 = await b.update('/u/k', bytes('v2'), c.modRevision);
    expect(u1.createRevision).toBe(c.createRevision);
    expect(u1.modRevision).toBeGreaterThan(c.modRevision);
    expect(text(u1.value)).toBe('v2');
    const u2 = await b.update('/u/k', bytes('v3'), u1.modRevision);
    expect(u2.createRevision).toBe(c.createRevision);
    const stale = await rejection(b.update('/u/k', bytes('lost'), c.modRevision));
    expect(stale).toBeInstanceOf(ConflictError);
    const current = (stale as ConflictError).current;
    expect(current.modRevision).toBe(u2.modRevision);
    expect(text(current.value)).toBe('v3');
    expect(text((await b.get('/u/k'))!.value)).toBe('v3');
  });

  it('update() of a missing key fails with KeyNotFoundError, whatever the expected revision', async () => {
    const b = await ctx.open();
    expect(await rejection(b.update('/u/none', bytes('x'), 5))).toBeInstanceOf(KeyNotFoundError);
    expect(await rejection(b.update('/u/none', bytes('x'), 0))).toBeInstanceOf(KeyNotFoundError);
    expect(await b.get('/u/none')).toBeUndefined();
  });

  it('delete() is guarded when asked, returns the deleted value at the delete revision', async () => {
    const b = await ctx.open();
    const c = await b.create('/d/k', bytes('gone'));
    const u = await b.update('/d/k', bytes('gone2'), c.modRevision);
    const conflict = await rejection(b.delete('/d/k', c.modRevision));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current.modRevision).toBe(u.modRevision);
    const d = await b.delete('/d/k', u.modRevision);
    expect(text(d.value)).toBe('gone2');
    expect(d.createRevision).toBe(c.createRevision);
    expect(d.modRevision).toBeGreaterThan(u.modRevision);
    expect(await b.currentRevision()).toBe(d.modRevision);
    expect(await b.get('/d/k')).toBeUndefined();
    expect(await rejection(b.delete('/d/k'))).toBeInstanceOf(KeyNotFoundError);
    expect(await rejection(b.delete('/d/k', d.modRevision))).toBeInstanceOf(KeyNotFoundError);
    await b.create('/d/free', bytes('x'));
    const unguarded = await b.delete('/d/free');
    expect(text(unguarded.value)).toBe('x');
  });

  it('a re-created key gets a new createRevision', async () => {
    const b = await ctx.open();
    const c1 = await b.create('/rc/k', bytes('1'));
    await b.delete('/rc/k');
    const c2 = await b.create('/rc/k', bytes('2'));
    expect(c2.createRevision).toBeGreaterThan(c1.createRevision);
    expect(c2.createRevision).toBe(c2.modRevision);
    expect((await b.get('/rc/k'))!.createRevision).toBe(c2.createRevision);
  });

  it('values round-trip as bytes, including empty and binary values', async () => {
    const b = await ctx.open();
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    await b.create('/bin/all', binary);
    await b.create('/bin/empty', new Uint8Array(0));
    expect(Array.from((await b.get('/bin/all'))!.value)).toEqual(Array.from(binary));
    expect((await b.get('/bin/empty'))!.value.byteLength).toBe(0);
    const listed = await b.list('/bin/');
    expect(listed.items.map((kv) => kv.value.byteLength)).toEqual([256, 0]);
  });

  it('values over MAX_VALUE_BYTES are refused with TooLargeError; 1 MiB is accepted', async () => {
    const b = await ctx.open();
    const big = new Uint8Array(MAX_VALUE_BYTES + 1);
    const err = await rejection(b.create('/big/k', big));
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as TooLargeError).size).toBe(MAX_VALUE_BYTES + 1);
    expect(await b.get('/big/k')).toBeUndefined();
    const ok = await b.create('/big/k', new Uint8Array(1 << 20).fill(7));
    expect(await rejection(b.update('/big/k', big, ok.modRevision))).toBeInstanceOf(TooLargeError);
    expect((await b.get('/big/k'))!.value.byteLength).toBe(1 << 20);
  });
}
