import { describe, it, expect, afterAll } from 'vitest';
import { loadClusterDefinition } from '../inventory/index.js';
import { storyVariant, writeDefinition, removeDefinitions, fixStory } from '../inventory/definition-fixture.js';

afterAll(removeDefinitions);
import { runPreflight } from './run-preflight.js';
import { summarize } from './finding.js';

describe('runPreflight()', () => {
  it('lists the story findings errors first', async () => {
    const f = runPreflight(await storyVariant());
    expect(summarize(f)).toEqual({ error: 46, warning: 17, info: 23 });
    const firstWarning = f.findIndex((x) => x.severity === 'warning');
    const firstInfo = f.findIndex((x) => x.severity === 'info');
    expect(f.slice(0, firstWarning).every((x) => x.severity === 'error')).toBe(true);
    expect(f.slice(firstWarning, firstInfo).every((x) => x.severity === 'warning')).toBe(true);
    const errorsById = new Map<string, number>();
    for (const x of f.filter((y) => y.severity === 'error')) errorsById.set(x.id, (errorsById.get(x.id) ?? 0) + 1);
    expect(Object.fromEntries(errorsById)).toEqual({
      'power.pdu-failover': 4, 'bmc.driver': 12, 'hardware.root-device': 9, 'hardware.model': 9, 'rack.layout': 12,
    });
  });

  it('passes the story once its inconsistencies are fixed', async () => {
    const def = await loadClusterDefinition(await writeDefinition(fixStory));
    const f = runPreflight(def);
    expect(summarize(f)).toEqual({ error: 0, warning: 12, info: 28 });
    expect(new Set(f.filter((x) => x.severity === 'warning').map((x) => x.id))).toEqual(new Set(['fabric.bond-redundancy']));
  });
});
