import { describe, it, expect } from 'vitest';
import type { ClusterDefinition } from '../inventory/index.js';
import { storyVariant } from '../inventory/definition-fixture.js';
import { checkMtu, overlayMtu } from './mtu.js';

function setAll(d: ClusterDefinition, mtu: { nic?: number; bond?: number; leafServerPorts?: number; uplinks?: number }): void {
  for (const s of d.hardware.servers) {
    for (const nic of s.nics) for (const p of nic.ports) if (mtu.nic) p.mtu = mtu.nic;
    for (const b of s.bonds) if (mtu.bond) b.mtu = mtu.bond;
  }
  for (const sw of d.hardware.switches) {
    for (const p of sw.ports) {
      const serverPort = sw.role === 'leaf' && Number(p.name.split('/')[1]) <= 48;
      if (serverPort && mtu.leafServerPorts) p.mtu = mtu.leafServerPorts;
      if (!serverPort && mtu.uplinks) p.mtu = mtu.uplinks;
    }
  }
}

describe('checkMtu() on the story cluster (after the jumbo-frame fix)', () => {
  it('detects the overlay MTU as bond MTU − 100 and fits Geneve on every path', async () => {
    const def = await storyVariant();
    expect(overlayMtu(def)).toEqual({ mtu: 8900, source: 'detected: bond MTU 9000 − 100' });
    expect(checkMtu(def)).toEqual([
      {
        id: 'mtu.overlay-path', severity: 'info', subject: 'cluster network',
        message: 'Geneve packets of 9000 bytes fit every path (cluster MTU 8900, detected: bond MTU 9000 − 100)',
        arithmetic: '8900 + 100 = 9000 ≤ smallest leg 9000 (NIC ports, bonds, switch ports, inter-switch links 9214)',
      },
      {
        id: 'mtu.storage-path', severity: 'info', subject: 'storage network', message: 'storage bonds have jumbo frames end to end',
        arithmetic: "every storage bond's MTU ≤ its NIC ports and switch ports (smallest leg 9000) and inter-switch links (9214)",
      },
    ]);
  });
});

describe('checkMtu() on the story before the fix', () => {
  it('fails 1500-byte inner packets on a 1500-byte fabric: 1500 + 100 = 1600', async () => {
    const def = await storyVariant((d) => {
      setAll(d, { nic: 1500, bond: 1500, leafServerPorts: 1500, uplinks: 1500 });
      d.hardware.overlay = { mtu: 1500 };
    });
    const f = checkMtu(def).filter((x) => x.id === 'mtu.overlay-path');
    expect(f).toHaveLength(12);
    expect(f[3]).toEqual({
      id: 'mtu.overlay-path', severity: 'error', subject: 'worker-1:bond0',
      message: "frames of worker-1's bond0 do not fit every leg of the path: large packets are dropped silently while small ones pass",
      arithmetic: 'worker-1:bond0 1500 < 1500 + 100 = 1600 (Geneve packet)',
    });
  });

  it('passes the OVN-Kubernetes default of 1400 on the same fabric: 1400 + 100 = 1500', async () => {
    const def = await storyVariant((d) => setAll(d, { nic: 1500, bond: 1500, leafServerPorts: 1500, uplinks: 1500 }));
    const f = checkMtu(def);
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(f[0].arithmetic).toBe('1400 + 100 = 1500 ≤ smallest leg 1500 (NIC ports, bonds, switch ports, inter-switch links 1500)');
  });

  it('fails jumbo server bonds on leaf ports left at 1500', async () => {
    const def = await storyVariant((d) => setAll(d, { leafServerPorts: 1500 }));
    const f = checkMtu(def);
    const ctrl1 = f.filter((x) => x.subject.startsWith('ctrl-1:'));
    expect(ctrl1).toEqual([
      expect.objectContaining({ id: 'mtu.overlay-path', severity: 'error', subject: 'ctrl-1:bond0', arithmetic: 'leaf-1:Ethernet1/1 1500 < ctrl-1:bond0 9000; leaf-2:Ethernet1/1 1500 < ctrl-1:bond0 9000' }),
      expect.objectContaining({ id: 'mtu.storage-path', severity: 'error', subject: 'ctrl-1:bond1', message: "jumbo frames of ctrl-1's storage bond1 (9000) do not fit every leg of the path", arithmetic: 'leaf-1:Ethernet1/25 1500 < ctrl-1:bond1 9000; leaf-2:Ethernet1/25 1500 < ctrl-1:bond1 9000' }),
    ]);
    expect(f.filter((x) => x.severity === 'error')).toHaveLength(24);
  });

  it('fails inter-switch links below the jumbo MTU', async () => {
    const def = await storyVariant((d) => setAll(d, { uplinks: 1500 }));
    const f = checkMtu(def).filter((x) => x.id === 'mtu.inter-switch');
    expect(f).toHaveLength(6 * 4 + 4);
    expect(f[0]).toEqual({
      id: 'mtu.inter-switch', severity: 'error', subject: 'leaf-1:Ethernet1/49 ↔ spine-1:Ethernet1/1',
      message: 'inter-switch link MTU is below what servers send across the fabric',
      arithmetic: 'leaf-1:Ethernet1/49 1500 < 9000; spine-1:Ethernet1/1 1500 < 9000',
    });
  });

  it('fails a NIC port below its bond and warns about mixed bond MTUs and uncabled members', async () => {
    const def = await storyVariant((d) => {
      d.hardware.servers[5].nics[0].ports[1].mtu = 1500;
      d.hardware.servers[6].bonds[0].mtu = 1500;
      d.hardware.links = d.hardware.links.filter((l) => !(l.a.device === 'worker-9' && l.a.port === 'ens2f1'));
    });
    const f = checkMtu(def);
    expect(f.filter((x) => x.severity !== 'info').map((x) => [x.id, x.severity, x.subject, x.arithmetic])).toEqual([
      ['mtu.overlay', 'warning', 'cluster network', 'min(9000, 1500) − 100 = 1400'],
      ['mtu.overlay-path', 'error', 'worker-3:bond0', 'worker-3:ens1f1 1500 < bond bond0 9000'],
      ['mtu.path', 'warning', 'worker-9:ens2f1', 'no link names this port'],
    ]);
  });
});
