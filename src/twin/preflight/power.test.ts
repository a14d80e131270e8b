import { describe, it, expect } from 'vitest';
import { storyVariant } from '../inventory/definition-fixture.js';
import { checkPower, pduRatingWatts } from './power.js';

const NEC = 'NEC 210.20(A): continuous load ≤ 80 % of the rating';

describe('checkPower() on the story cluster', () => {
  it('shows each rack at 9,400 W on two 6,240 W PDUs', async () => {
    const f = checkPower(await storyVariant()).filter((x) => x.id === 'power.rack');
    expect(f).toEqual([
      { id: 'power.rack', severity: 'info', subject: 'rack B-14', message: 'peak draw 9,400 W on 2 PDU(s) rated 12,480 W together', arithmetic: '10 devices: 6 × 1,400 W + 4 × 250 W = 9,400 W; PDUs pdu-b14-a + pdu-b14-b = 12,480 W; 75.3 % of rated' },
      { id: 'power.rack', severity: 'info', subject: 'rack B-15', message: 'peak draw 9,400 W on 2 PDU(s) rated 12,480 W together', arithmetic: '10 devices: 6 × 1,400 W + 4 × 250 W = 9,400 W; PDUs pdu-b15-a + pdu-b15-b = 12,480 W; 75.3 % of rated' },
    ]);
  });

  it('passes each PDU with both feeds up, at 94.2 % of the derated limit', async () => {
    const f = checkPower(await storyVariant()).filter((x) => x.id === 'power.pdu-load');
    expect(f.map((x) => x.severity)).toEqual(['info', 'info', 'info', 'info']);
    expect(f[0].arithmetic).toBe(`(6 × 1,400 W + 4 × 250 W) / 2 feeds = 4,700 W; rating 208 V × 30 A = 6,240 W; continuous limit 80 % × 6,240 W = 4,992 W (${NEC}); 75.3 % of rating, 94.2 % of the continuous limit`);
  });

  it('fails the A/B pairs: the survivor carries 151 % of its rating, 188 % of the derated limit', async () => {
    const f = checkPower(await storyVariant()).filter((x) => x.id === 'power.pdu-failover');
    expect(f.map((x) => [x.severity, x.subject])).toEqual([
      ['error', 'pdu-b14-b (pdu-b14-a failed)'],
      ['error', 'pdu-b14-a (pdu-b14-b failed)'],
      ['error', 'pdu-b15-b (pdu-b15-a failed)'],
      ['error', 'pdu-b15-a (pdu-b15-b failed)'],
    ]);
    expect(f[0].message).toBe('if pdu-b14-a fails, pdu-b14-b carries 9,400 W, 150.6 % of its 6,240 W rating: its breaker trips and everything on it goes dark');
    expect(f[0].arithmetic).toBe(`pdu-b14-a down: pdu-b14-b carries 6 × 1,400 W + 4 × 250 W = 9,400 W; rating 208 V × 30 A = 6,240 W → 150.6 %; continuous limit 80 % × 6,240 W = 4,992 W (${NEC}) → 188.3 %`);
  });

  it('warns that 208 V PDUs do not describe a 230 V site, and sums the site', async () => {
    const f = checkPower(await storyVariant());
    const v = f.filter((x) => x.id === 'power.voltage');
    expect(v).toHaveLength(4);
    expect(v[0]).toMatchObject({ severity: 'warning', subject: 'pdu-b14-a', arithmetic: 'rated 208 V × 30 A = 6,240 W; at 230 V the same 30 A give 6,900 W' });
    expect(f.find((x) => x.id === 'power.site')).toEqual({
      id: 'power.site', severity: 'info', subject: 'site basel-hall-b',
      message: 'peak draw 18,800 W against 24,960 W of PDUs (19,968 W continuous)',
      arithmetic: '12 × 1,400 W + 8 × 250 W = 18,800 W; 18,800 / 24,960 W = 75.3 % of rated, 94.2 % of continuous',
    });
  });
});

describe('checkPower() on changed definitions', () => {
  it('passes failover with three-phase 400 V / 32 A PDUs under the IEC rule', async () => {
    const def = await storyVariant((d) => {
      d.hardware.site.electricalCode = 'iec';
      for (const p of d.hardware.pdus) Object.assign(p, { volts: 400, amps: 32, phase: 3, continuousPercent: 100 });
    });
    const f = checkPower(def);
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(f.find((x) => x.id === 'power.pdu-failover')!.arithmetic).toBe(
      'pdu-b14-a down: pdu-b14-b carries 6 × 1,400 W + 4 × 250 W = 9,400 W; rating √3 × 400 V × 32 A = 22,170 W → 42.4 %; continuous limit 100 % × 22,170 W = 22,170 W (IEC 60364-4-43 §433.1: load ≤ rated current) → 42.4 %',
    );
  });

  it('flags a failover load between the continuous limit and the rating', async () => {
    const def = await storyVariant((d) => { for (const p of d.hardware.pdus) p.amps = 50; });
    const f = checkPower(def).find((x) => x.id === 'power.pdu-failover')!;
    expect(pduRatingWatts({ volts: 208, amps: 50, phase: 1 })).toBe(10_400);
    expect(f.severity).toBe('error');
    expect(f.message).toBe('if pdu-b14-a fails, pdu-b14-b carries 9,400 W, 90.4 % of its 10,400 W rating: above its continuous limit, it trips under sustained peak load');
  });

  it('warns about single-corded and unpowered devices', async () => {
    const def = await storyVariant((d) => {
      const b = d.hardware.pdus.find((p) => p.name === 'pdu-b14-b')!;
      b.outlets = b.outlets.filter((o) => o !== 'ctrl-1');
      for (const p of d.hardware.pdus) p.outlets = p.outlets.filter((o) => o !== 'worker-9');
    });
    const f = checkPower(def);
    expect(f.filter((x) => x.id === 'power.unpowered')).toEqual([
      { id: 'power.unpowered', severity: 'warning', subject: 'worker-9', message: 'worker-9 is in rack B-15 but plugged into no PDU; its 1,400 W are not counted on any PDU', arithmetic: 'outlets listing worker-9: 0' },
    ]);
    expect(f.filter((x) => x.id === 'power.single-corded')).toEqual([
      { id: 'power.single-corded', severity: 'warning', subject: 'pdu-b14-a', message: 'if pdu-b14-a fails, ctrl-1 lose power (plugged into no other PDU)', arithmetic: 'ctrl-1: 1 PDU' },
    ]);
    const loadA = f.find((x) => x.id === 'power.pdu-load' && x.subject === 'pdu-b14-a')!;
    expect(loadA.arithmetic.startsWith('1,400 W + 5 × 700 W + 4 × 125 W = 5,400 W;')).toBe(true);
    expect(loadA.severity).toBe('error');
  });
});
