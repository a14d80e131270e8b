import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadClusterDefinition } from '../inventory/index.js';
import { reachability } from './reachability.js';

const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));

describe('reachability()', () => {
  it('has every server up with no faults', () => {
    const r = reachability(def, []);
    expect([...r.servers.values()].every((s) => s.reachable)).toBe(true);
    expect(r.trippedPdus).toEqual([]);
  });

  it('a Node fault powers off that node only', () => {
    const r = reachability(def, [{ kind: 'Node', name: 'worker-3' }]);
    expect(r.servers.get('worker-3')).toMatchObject({ powered: false, reachable: false });
    expect(r.servers.get('worker-4')!.reachable).toBe(true);
  });

  it("losing PDU A of rack B-14 overloads PDU B, which trips and darkens the rack (the story's power plan)", () => {
    const r = reachability(def, [{ kind: 'PDU', name: 'pdu-b14-a' }]);
    expect(r.trippedPdus).toEqual(['pdu-b14-b']);
    for (const n of ['ctrl-1', 'ctrl-2', 'ctrl-3', 'worker-1', 'worker-2', 'worker-3']) expect(r.servers.get(n)!.powered).toBe(false);
    expect(r.servers.get('worker-4')!.powered).toBe(true);
  });

  it('a leaf failure cuts servers whose cluster bond hangs off that leaf only', () => {
    const r = reachability(def, [{ kind: 'Switch', name: 'leaf-1' }]);
    // ctrl-1's bond0 has a member on leaf-2 as well: still reachable.
    expect(r.servers.get('ctrl-1')!.reachable).toBe(true);
    const both = reachability(def, [{ kind: 'Switch', name: 'leaf-1' }, { kind: 'Switch', name: 'leaf-2' }]);
    expect(both.servers.get('ctrl-1')).toMatchObject({ powered: true, reachable: false });
  });
});
