import { describe, it, expect } from 'vitest';
import { storyVariant } from '../inventory/definition-fixture.js';
import { checkNetworkOverlap } from './network-overlap.js';
import { checkAddresses } from './addresses.js';

describe('checkNetworkOverlap()', () => {
  it('finds no overlap in the story, counting the machine network once', async () => {
    const f = checkNetworkOverlap(await storyVariant());
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ id: 'network.overlap', severity: 'info', message: '12 CIDR blocks, no overlaps' });
  });

  it('reports a service network inside the pod network and a machine network on the OVN join subnet', async () => {
    const def = await storyVariant((d) => {
      d.installConfig.networking.serviceNetwork = ['10.130.0.0/16'];
      d.hardware.networks.find((n) => n.name === 'ceph-public')!.cidr = '100.64.4.0/24';
    });
    expect(checkNetworkOverlap(def)).toEqual([
      {
        id: 'network.overlap', severity: 'error', subject: 'clusterNetwork[0] / serviceNetwork[0]',
        message: 'clusterNetwork[0] 10.128.0.0/14 overlaps serviceNetwork[0] 10.130.0.0/16: addresses in both are routed to the wrong network',
        arithmetic: '10.128.0.0/14 = 10.128.0.0–10.131.255.255; 10.130.0.0/16 = 10.130.0.0–10.130.255.255',
      },
      {
        id: 'network.overlap', severity: 'error', subject: 'network ceph-public / OVN join subnet',
        message: 'network ceph-public 100.64.4.0/24 overlaps OVN join subnet 100.64.0.0/16: addresses in both are routed to the wrong network',
        arithmetic: '100.64.4.0/24 = 100.64.4.0–100.64.4.255; 100.64.0.0/16 = 100.64.0.0–100.64.255.255',
      },
    ]);
  });
});

describe('checkAddresses()', () => {
  it('puts the story VIPs inside the machine network', async () => {
    expect(checkAddresses(await storyVariant())).toEqual([
      { id: 'network.vip', severity: 'info', subject: 'API VIP 10.20.0.10', message: 'inside the machine network 10.20.0.0/24', arithmetic: '10.20.0.0 < 10.20.0.10 < 10.20.0.255' },
      { id: 'network.vip', severity: 'info', subject: 'ingress VIP 10.20.0.11', message: 'inside the machine network 10.20.0.0/24', arithmetic: '10.20.0.0 < 10.20.0.11 < 10.20.0.255' },
    ]);
  });

  it('fails VIPs outside the network, on the broadcast address, or on a node', async () => {
    const def = await storyVariant((d) => {
      d.installConfig.platform.baremetal.apiVIPs = ['10.21.0.10'];
      d.installConfig.platform.baremetal.ingressVIPs = ['10.20.0.255'];
      d.hardware.servers[3].address = '10.20.0.21';
      d.hardware.servers[4].address = '10.20.1.5';
    });
    const f = checkAddresses(def);
    expect(f.map((x) => [x.id, x.severity, x.message])).toEqual([
      ['network.vip', 'error', "10.21.0.10 is outside the machine network 10.20.0.0/24; keepalived can only hold it on the nodes' own subnet"],
      ['network.vip', 'error', '10.20.0.255 is the broadcast address of 10.20.0.0/24'],
      ['network.node-address', 'error', 'node address 10.20.1.5 is outside the machine network 10.20.0.0/24'],
      ['network.address-collision', 'error', '10.20.0.21 is used by both ctrl-1 and worker-1'],
    ]);
    expect(f[0].arithmetic).toBe('10.21.0.10 ∉ 10.20.0.0–10.20.0.255');
  });

  it('fails an ingress VIP equal to the API VIP or to a leaf address', async () => {
    const same = await storyVariant((d) => { d.installConfig.platform.baremetal.ingressVIPs = ['10.20.0.10']; });
    expect(checkAddresses(same).filter((x) => x.severity === 'error')).toEqual([
      { id: 'network.vip-collision', severity: 'error', subject: '10.20.0.10', message: '10.20.0.10 is used by both API VIP 10.20.0.10 and ingress VIP 10.20.0.10', arithmetic: 'API VIP 10.20.0.10 = 10.20.0.10 = ingress VIP 10.20.0.10' },
    ]);
    const leaf = await storyVariant((d) => { d.installConfig.platform.baremetal.apiVIPs = ['10.20.0.1']; });
    expect(checkAddresses(leaf).filter((x) => x.severity === 'error').map((x) => x.message)).toEqual(['10.20.0.1 is used by both API VIP 10.20.0.1 and leaf-1']);
  });
});
