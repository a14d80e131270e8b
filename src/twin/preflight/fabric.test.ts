import { describe, it, expect } from 'vitest';
import { storyVariant } from '../inventory/definition-fixture.js';
import { checkFabric } from './fabric.js';

describe('checkFabric()', () => {
  it('warns that workers 1-3 and 7-9 hang off the single leaves 3 and 6', async () => {
    const f = checkFabric(await storyVariant());
    expect(f.map((x) => [x.id, x.severity, x.subject])).toEqual(
      ['worker-1', 'worker-2', 'worker-3', 'worker-7', 'worker-8', 'worker-9'].flatMap((w) => [
        ['fabric.bond-redundancy', 'warning', `${w}:bond0`],
        ['fabric.bond-redundancy', 'warning', `${w}:bond1`],
      ]),
    );
    expect(f[0]).toMatchObject({
      message: 'every member of bond0 is cabled to leaf-3: if leaf-3 fails, worker-1 loses this network',
      arithmetic: 'ens1f0 → leaf-3:Ethernet1/1, ens1f1 → leaf-3:Ethernet1/2',
    });
  });

  it('fails an LACP bond split across two leaves that are not an MLAG pair', async () => {
    const def = await storyVariant((d) => {
      const l = d.hardware.links.find((x) => x.a.device === 'worker-1' && x.a.port === 'ens1f1')!;
      l.b = { device: 'leaf-4', port: 'Ethernet1/40' };
    });
    expect(checkFabric(def).find((x) => x.subject === 'worker-1:bond0')).toEqual({
      id: 'fabric.bond-mlag', severity: 'error', subject: 'worker-1:bond0',
      message: 'LACP (802.3ad) bond spans leaf-3 and leaf-4, which are not one MLAG pair: the switches send different LACP system IDs and the bond will not aggregate',
      arithmetic: 'ens1f0 → leaf-3:Ethernet1/1, ens1f1 → leaf-4:Ethernet1/40; MLAG domains: leaf-3=none, leaf-4=mlag-pair-2',
    });
  });

  it('checks link speeds, bond member speeds and MLAG peer links', async () => {
    const def = await storyVariant((d) => {
      d.hardware.links[0].speedGbps = 100;
      d.hardware.servers[0].nics[0].ports[1].speedGbps = 10;
      d.hardware.links = d.hardware.links.filter((l) => !(l.a.device === 'leaf-4' && l.b.device === 'leaf-5'));
      d.hardware.switches.find((s) => s.name === 'leaf-5')!.asn = 65099;
    });
    expect(checkFabric(def).filter((x) => !x.id.endsWith('redundancy')).map((x) => [x.id, x.severity, x.subject, x.arithmetic])).toEqual([
      ['fabric.bond-speed', 'warning', 'ctrl-1:bond0', 'ens1f0 25 Gbit/s, ens1f1 10 Gbit/s'],
      ['fabric.link-speed', 'error', 'ctrl-1:ens1f0 ↔ leaf-1:Ethernet1/1', 'min(25, 25) = 25 < 100 Gbit/s'],
      ['fabric.link-speed', 'warning', 'ctrl-1:ens1f1 ↔ leaf-2:Ethernet1/1', '10 ≠ 25 Gbit/s'],
      ['fabric.mlag', 'error', 'mlag-pair-2', 'peer links: 0'],
      ['fabric.mlag', 'warning', 'mlag-pair-2', 'leaf-4 AS65012, leaf-5 AS65099'],
    ]);
  });
});
