/**
 * The storage contract suite: one set of vitest cases every backend (memory, sqlite, etcd)
 * must pass, in the way kine runs one conformance suite against every driver.
 */
import { afterEach, describe } from 'vitest';
import type { Backend } from './backend.js';
import { compactionCases } from './contract/compaction-cases.js';
import { concurrencyCases } from './contract/concurrency-cases.js';
import type { BackendFactory, ContractContext } from './contract/contract-context.js';
import { crudCases } from './contract/crud-cases.js';
import { listCases } from './contract/list-cases.js';
import { reopenCases } from './contract/reopen-cases.js';
import { watchCases } from './contract/watch-cases.js';

export type { BackendFactory } from './contract/contract-context.js';

/** Registers the contract suite for one backend; every backend a case opens is closed after it. */
export function runBackendContract(name: string, factory: BackendFactory): void {
  describe(`${name} backend contract`, () => {
    const opened: Backend[] = [];
    const ctx: ContractContext = {
      async open() {
        const b = await factory.create();
        opened.push(b);
        return b;
      },
      reopen: factory.reopen && (async (b: Backend) => {
        const r = await factory.reopen!(b);
        opened.push(r);
        return r;
      }),
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((b) => b.close()));
    });
    describe('create, get, update, delete', () => crudCases(ctx));
    describe('list', () => listCases(ctx));
    describe('watch', () => watchCases(ctx));
    describe('compaction', () => compactionCases(ctx));
    describe('concurrency', () => concurrencyCases(ctx));
    if (factory.reopen) describe('close and reopen', () => reopenCases(ctx));
  });
}
