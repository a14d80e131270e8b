/**
 * Power per rack and per PDU: normal A+B load, the load on the survivor when one PDU of a
 * pair fails, and continuous-load derating. Peak watts are treated as volt-amperes (power
 * factor ≈ 1, as for modern server supplies). Each device's load is shared equally by the
 * PDUs it is plugged into, and moves to the survivors when one fails.
 */
import type { ClusterDefinition, Pdu } from '../inventory/index.js';
import type { Finding } from './finding.js';
import { n, pct, sumTerms } from './arith.js';

const RULES = {
  nec: 'NEC 210.20(A): continuous load ≤ 80 % of the rating',
  iec: 'IEC 60364-4-43 §433.1: load ≤ rated current',
} as const;

/** Rated power of a PDU: V × A single-phase, √3 × V × A three-phase (V line to line). */
export function pduRatingWatts(p: Pick<Pdu, 'volts' | 'amps' | 'phase'>): number {
  return p.phase === 3 ? Math.sqrt(3) * p.volts * p.amps : p.volts * p.amps;
}

function ratingText(p: Pdu): string {
  const w = pduRatingWatts(p);
  return p.phase === 3 ? `√3 × ${n(p.volts)} V × ${n(p.amps)} A = ${n(w, 0)} W` : `${n(p.volts)} V × ${n(p.amps)} A = ${n(w, 0)} W`;
}

function limitText(def: ClusterDefinition, p: Pdu): string {
  const limit = (pduRatingWatts(p) * p.continuousPercent) / 100;
  return `continuous limit ${n(p.continuousPercent)} % × ${n(pduRatingWatts(p), 0)} W = ${n(limit, 0)} W (${RULES[def.hardware.site.electricalCode]})`;
}

/** Checks every rack, PDU and A/B failure case of the definition. */
export function checkPower(def: ClusterDefinition): Finding[] {
  const hw = def.hardware;
  const out: Finding[] = [];
  const peak = new Map<string, number>();
  const rackOf = new Map<string, string>();
  for (const d of [...hw.servers, ...hw.switches]) {
    peak.set(d.name, d.peakWatts);
    rackOf.set(d.name, d.rack);
  }
  const cords = new Map<string, Pdu[]>();
  for (const p of hw.pdus) for (const o of p.outlets) cords.set(o, [...(cords.get(o) ?? []), p]);

  for (const rack of hw.racks) {
    const devices = [...rackOf].filter(([, r]) => r === rack.name).map(([d]) => d);
    const pdus = hw.pdus.filter((p) => p.rack === rack.name);
    if (!devices.length) continue;
    const total = devices.reduce((s, d) => s + (peak.get(d) ?? 0), 0);
    const rated = pdus.reduce((s, p) => s + pduRatingWatts(p), 0);
    const terms = sumTerms(devices.map((d) => peak.get(d) ?? 0), 'W');
    out.push({
      id: 'power.rack',
      severity: total > rated ? 'error' : 'info',
      subject: `rack ${rack.name}`,
      message: total > rated
        ? `peak draw ${n(total)} W exceeds the ${n(rated, 0)} W of its PDUs with both feeds up`
        : `peak draw ${n(total)} W on ${pdus.length} PDU(s) rated ${n(rated, 0)} W together`,
      arithmetic: `${devices.length} devices: ${terms} = ${n(total)} W; PDUs ${pdus.map((p) => p.name).join(' + ') || 'none'} = ${n(rated, 0)} W; ${rated ? pct(total, rated) : '∞'} of rated`,
    });
    for (const d of devices.filter((d) => !cords.has(d))) {
      out.push({ id: 'power.unpowered', severity: 'warning', subject: d, message: `${d} is in rack ${rack.name} but plugged into no PDU; its ${n(peak.get(d) ?? 0)} W are not counted on any PDU`, arithmetic: `outlets listing ${d}: 0` });
    }
  }

  for (const p of hw.pdus) out.push(pduLoad(def, p, loadOn(p, cords, peak, new Set())));
  for (const failed of hw.pdus) out.push(...failover(def, failed, cords, peak));
  out.push(...voltage(def));
  out.push(fleet(def, peak));
  return out;
}

interface Load {
  watts: number;
  text: string;
}

function loadOn(p: Pdu, cords: Map<string, Pdu[]>, peak: Map<string, number>, down: Set<string>): Load {
  const shares = p.outlets.map((d) => {
    const alive = (cords.get(d) ?? []).filter((q) => !down.has(q.name)).length;
    return { d, whole: peak.get(d) ?? 0, alive: Math.max(alive, 1) };
  });
  const watts = shares.reduce((s, x) => s + x.whole / x.alive, 0);
  const ks = new Set(shares.map((x) => x.alive));
  const whole = sumTerms(shares.map((x) => x.whole), 'W');
  let text: string;
  if (ks.size === 1 && [...ks][0] === 1) text = `${whole} = ${n(watts)} W`;
  else if (ks.size === 1) text = `(${whole}) / ${[...ks][0]} feeds = ${n(watts)} W`;
  else text = `${sumTerms(shares.map((x) => x.whole / x.alive), 'W')} = ${n(watts)} W`;
  return { watts, text };
}

function pduLoad(def: ClusterDefinition, p: Pdu, load: Load): Finding {
  const rated = pduRatingWatts(p);
  const limit = (rated * p.continuousPercent) / 100;
  const over = load.watts > limit;
  return {
    id: 'power.pdu-load',
    severity: over ? 'error' : 'info',
    subject: p.name,
    message: over
      ? `with both feeds up, ${n(load.watts)} W exceeds the ${n(limit, 0)} W continuous limit`
      : `with both feeds up, ${n(load.watts)} W is within the ${n(limit, 0)} W continuous limit`,
    arithmetic: `${load.text}; rating ${ratingText(p)}; ${limitText(def, p)}; ${pct(load.watts, rated)} of rating, ${pct(load.watts, limit)} of the continuous limit`,
  };
}

function failover(def: ClusterDefinition, failed: Pdu, cords: Map<string, Pdu[]>, peak: Map<string, number>): Finding[] {
  const out: Finding[] = [];
  const down = new Set([failed.name]);
  const dark = failed.outlets.filter((d) => (cords.get(d) ?? []).length === 1);
  if (dark.length) {
    out.push({
      id: 'power.single-corded',
      severity: 'warning',
      subject: failed.name,
      message: `if ${failed.name} fails, ${dark.join(', ')} lose power (plugged into no other PDU)`,
      arithmetic: `${dark.map((d) => `${d}: 1 PDU`).join('; ')}`,
    });
  }
  const partners = def.hardware.pdus.filter((q) => q !== failed && q.outlets.some((d) => failed.outlets.includes(d)));
  for (const q of partners) {
    const load = loadOn(q, cords, peak, down);
    const rated = pduRatingWatts(q);
    const limit = (rated * q.continuousPercent) / 100;
    const sev = load.watts > limit ? 'error' : 'info';
    const verdict = load.watts > rated
      ? `its breaker trips and everything on it goes dark`
      : load.watts > limit ? 'above its continuous limit, it trips under sustained peak load' : 'it carries the load';
    out.push({
      id: 'power.pdu-failover',
      severity: sev,
      subject: `${q.name} (${failed.name} failed)`,
      message: `if ${failed.name} fails, ${q.name} carries ${n(load.watts)} W, ${pct(load.watts, rated)} of its ${n(rated, 0)} W rating: ${verdict}`,
      arithmetic: `${failed.name} down: ${q.name} carries ${load.text}; rating ${ratingText(q)} → ${pct(load.watts, rated)}; ${limitText(def, q)} → ${pct(load.watts, limit)}`,
    });
  }
  return out;
}

function voltage(def: ClusterDefinition): Finding[] {
  const mains = def.hardware.site.mainsVolts;
  if (!mains) return [];
  const lineToLine = Math.round(mains * Math.sqrt(3));
  return def.hardware.pdus
    .filter((p) => Math.abs(p.volts - mains) / mains > 0.02 && Math.abs(p.volts - lineToLine) / lineToLine > 0.02)
    .map((p) => ({
      id: 'power.voltage',
      severity: 'warning' as const,
      subject: p.name,
      message: `rated for ${n(p.volts)} V, but the site's mains is ${n(mains)} V (line to line ${n(lineToLine)} V): the rating does not describe this feed`,
      arithmetic: `rated ${ratingText(p)}; at ${n(mains)} V the same ${n(p.amps)} A give ${n(mains * p.amps * (p.phase === 3 ? Math.sqrt(3) : 1), 0)} W`,
    }));
}

function fleet(def: ClusterDefinition, peak: Map<string, number>): Finding {
  const total = [...peak.values()].reduce((s, w) => s + w, 0);
  const rated = def.hardware.pdus.reduce((s, p) => s + pduRatingWatts(p), 0);
  const limit = def.hardware.pdus.reduce((s, p) => s + (pduRatingWatts(p) * p.continuousPercent) / 100, 0);
  return {
    id: 'power.site',
    severity: 'info',
    subject: `site ${def.hardware.site.name}`,
    message: `peak draw ${n(total)} W against ${n(rated, 0)} W of PDUs (${n(limit, 0)} W continuous)`,
    arithmetic: `${sumTerms([...peak.values()], 'W')} = ${n(total)} W; ${n(total)} / ${n(rated, 0)} W = ${rated ? pct(total, rated) : '∞'} of rated, ${limit ? pct(total, limit) : '∞'} of continuous`,
  };
}
