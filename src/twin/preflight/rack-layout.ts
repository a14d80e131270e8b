/** Rack units: every device inside its rack, no two devices in the same U. */
import type { ClusterDefinition } from '../inventory/index.js';
import type { Finding } from './finding.js';

interface Item {
  name: string;
  from: number;
  to: number;
}

function span(i: Item): string {
  return i.from === i.to ? `U${i.from}` : `U${i.from}–U${i.to}`;
}

/** Checks U positions (a device at position p of height h occupies U p … p+h−1, as NetBox counts). */
export function checkRackLayout(def: ClusterDefinition): Finding[] {
  const hw = def.hardware;
  const out: Finding[] = [];
  for (const rack of hw.racks) {
    const items: Item[] = [];
    const add = (name: string, position: number | undefined, heightU: number | undefined) => {
      if (position !== undefined) items.push({ name, from: position, to: position + (heightU ?? 1) - 1 });
    };
    for (const r of rack.reserved ?? []) add(r.name, r.position, r.heightU);
    for (const s of hw.servers.filter((x) => x.rack === rack.name)) add(s.name, s.position, s.heightU);
    for (const s of hw.switches.filter((x) => x.rack === rack.name)) add(s.name, s.position, s.heightU);
    for (const p of hw.pdus.filter((x) => x.rack === rack.name)) add(p.name, p.position, p.heightU);
    items.sort((a, b) => b.to - a.to);
    for (const i of items) {
      if (i.to > rack.units) {
        out.push({ id: 'rack.layout', severity: 'error', subject: `${rack.name} ${i.name}`, message: `${i.name} does not fit in the ${rack.units}U rack`, arithmetic: `${span(i)}: U${i.to} > U${rack.units}` });
      }
    }
    for (let a = 0; a < items.length; a++) {
      for (let b = a + 1; b < items.length; b++) {
        const [x, y] = [items[a], items[b]];
        if (x.from > y.to || y.from > x.to) continue;
        const lo = Math.max(x.from, y.from);
        const hi = Math.min(x.to, y.to);
        out.push({ id: 'rack.layout', severity: 'error', subject: `${rack.name} ${x.name} / ${y.name}`, message: `${x.name} and ${y.name} both occupy ${lo === hi ? `U${lo}` : `U${lo}–U${hi}`}`, arithmetic: `${x.name} ${span(x)} ∩ ${y.name} ${span(y)} = ${lo === hi ? `U${lo}` : `U${lo}–U${hi}`}` });
      }
    }
    const used = items.reduce((s, i) => s + i.to - i.from + 1, 0);
    out.push({ id: 'rack.space', severity: 'info', subject: rack.name, message: `${used} of ${rack.units} U declared in use`, arithmetic: items.map((i) => `${i.name} ${span(i)}`).join(', ') });
  }
  return out;
}
