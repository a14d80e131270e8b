import { describe, it, expect } from 'vitest';
import { storyVariant } from '../inventory/definition-fixture.js';
import { checkNetworkCapacity, nodeCount } from './network-capacity.js';

describe('checkNetworkCapacity()', () => {
  it('gives the story 512 node subnets of 508 pod IPs for 12 nodes', async () => {
    const def = await storyVariant();
    expect(nodeCount(def)).toBe(12);
    expect(checkNetworkCapacity(def)).toEqual([
      {
        id: 'network.pod-capacity', severity: 'info', subject: 'clusterNetwork[0] 10.128.0.0/14 hostPrefix 23',
        message: '512 node subnets with 508 pod IPs each',
        arithmetic: '2^(23 − 14) = 512 node subnets; each /23 = 2^(32 − 23) = 512 addresses − 2 (network, broadcast) = 510 usable − 2 (OVN gateway .1, management port .2) = 508 pod IPs per node',
      },
      { id: 'network.node-subnets', severity: 'info', subject: 'clusterNetwork', message: '12 nodes use 12 of 512 node subnets', arithmetic: '12 nodes ≤ 512 node subnets (2.3 % used)' },
      { id: 'network.service-capacity', severity: 'info', subject: 'serviceNetwork[0] 172.30.0.0/16', message: '65,536 ClusterIP addresses', arithmetic: '2^(32 − 16) = 65,536' },
      { id: 'network.machine-capacity', severity: 'info', subject: 'machineNetwork[0] 10.20.0.0/24', message: '254 host addresses for 12 nodes and 2 VIPs', arithmetic: '2^(32 − 24) − 2 = 254 ≥ 12 + 2 = 14' },
    ]);
  });

  it('fails when the pod network has fewer node subnets than nodes', async () => {
    const def = await storyVariant((d) => { d.installConfig.networking.clusterNetwork = [{ cidr: '10.128.0.0/21', hostPrefix: 23 }]; });
    expect(checkNetworkCapacity(def).find((f) => f.id === 'network.node-subnets')).toEqual({
      id: 'network.node-subnets', severity: 'error', subject: 'clusterNetwork',
      message: '12 nodes need more node subnets than the 4 the clusterNetwork provides; nodes beyond them get no pod network',
      arithmetic: '12 nodes > 4 node subnets (300 % used)',
    });
  });

  it('warns when a node subnet holds fewer pod IPs than maxPods, and refuses a hostPrefix shorter than the block', async () => {
    const small = await storyVariant((d) => { d.installConfig.networking.clusterNetwork = [{ cidr: '10.128.0.0/14', hostPrefix: 25 }]; });
    expect(checkNetworkCapacity(small).find((f) => f.id === 'network.pods-per-node')).toMatchObject({ severity: 'warning', arithmetic: '124 < 250' });
    const bad = await storyVariant((d) => { d.installConfig.networking.clusterNetwork = [{ cidr: '10.128.0.0/14', hostPrefix: 14 }]; });
    expect(checkNetworkCapacity(bad)[0]).toMatchObject({ id: 'network.pod-capacity', severity: 'error', arithmetic: '14 ≤ 14' });
  });

  it('fails a machine network too small for the nodes and VIPs, and passes one just big enough', async () => {
    const def = await storyVariant((d) => { d.installConfig.networking.machineNetwork = [{ cidr: '10.20.0.0/28' }]; });
    expect(checkNetworkCapacity(def).find((f) => f.id === 'network.machine-capacity')).toMatchObject({ severity: 'info', arithmetic: '2^(32 − 28) − 2 = 14 ≥ 12 + 2 = 14' });
    const tiny = await storyVariant((d) => { d.installConfig.networking.machineNetwork = [{ cidr: '10.20.0.0/29' }]; });
    expect(checkNetworkCapacity(tiny).find((f) => f.id === 'network.machine-capacity')).toMatchObject({ severity: 'error', arithmetic: '2^(32 − 29) − 2 = 6 < 12 + 2 = 14' });
  });
});
