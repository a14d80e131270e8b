import { describe, it, expect } from 'vitest';
import { storyVariant } from '../inventory/definition-fixture.js';
import { checkBmc } from './bmc.js';
import { checkDns, requiredRecords } from './dns.js';

describe('checkBmc()', () => {
  it('fails the story: idrac-virtualmedia:// URLs for HPE iLO servers', async () => {
    const f = checkBmc(await storyVariant());
    expect(f).toHaveLength(12);
    expect(f.every((x) => x.id === 'bmc.driver' && x.severity === 'error')).toBe(true);
    expect(f[0]).toEqual({
      id: 'bmc.driver', severity: 'error', subject: 'ctrl-1',
      message: "the idrac-virtualmedia:// driver speaks to Dell iDRAC, but ctrl-1 (HPE ProLiant DL380 Gen11) has an ilo BMC; use redfish-virtualmedia:// (or the vendor's own scheme)",
      arithmetic: 'scheme idrac-virtualmedia → idrac; hardware.yaml bmc.type ilo',
    });
  });

  it('passes redfish URLs that match hardware.yaml', async () => {
    const def = await storyVariant((d) => {
      for (const h of d.installConfig.platform.baremetal.hosts) h.bmc.address = h.bmc.address.replace('idrac-virtualmedia', 'redfish-virtualmedia');
    });
    expect(checkBmc(def)).toEqual([
      { id: 'bmc.unique', severity: 'info', subject: 'all hosts', message: '12 BMC addresses, all present, unique and matching hardware.yaml', arithmetic: '12 hosts = 12 distinct BMCs' },
    ]);
  });

  it('fails shared, mismatched and missing BMCs', async () => {
    const def = await storyVariant((d) => {
      const hosts = d.installConfig.platform.baremetal.hosts;
      for (const h of hosts) h.bmc.address = h.bmc.address.replace('idrac-virtualmedia', 'redfish-virtualmedia');
      hosts[4].bmc.address = 'redfish-virtualmedia://10.10.0.111/redfish/v1/Systems/1';
      delete d.hardware.servers[5].bmc;
      d.hardware.servers[6].bmc!.address = '10.10.0.200';
    });
    expect(checkBmc(def).map((x) => [x.id, x.subject, x.message])).toEqual([
      ['bmc.address', 'worker-2', "install-config points the installer at 10.10.0.111, but worker-2's BMC is 10.10.0.112"],
      ['bmc.present', 'worker-3', 'hardware.yaml declares no BMC for worker-3; the installer provisions hosts only through their BMC'],
      ['bmc.address', 'worker-4', "install-config points the installer at 10.10.0.114, but worker-4's BMC is 10.10.0.200"],
      ['bmc.unique', '10.10.0.111', 'worker-1, worker-2 share the BMC address 10.10.0.111: the installer would power-cycle the wrong server'],
    ]);
  });
});

describe('checkDns()', () => {
  it('passes the story: api, api-int and *.apps point at the VIPs', async () => {
    expect(checkDns(await storyVariant())).toEqual([
      {
        id: 'dns.records', severity: 'info', subject: 'DNS', message: 'the required records are declared and point at the VIPs',
        arithmetic: 'api.ove-prod-01.infra.bank.ch A 10.20.0.10; api-int.ove-prod-01.infra.bank.ch A 10.20.0.10; *.apps.ove-prod-01.infra.bank.ch A 10.20.0.11',
      },
    ]);
  });

  it('lists the records to create when there is no dns: section', async () => {
    const def = await storyVariant((d) => { delete d.hardware.dns; });
    expect(requiredRecords(def).map((r) => r.name)).toEqual(['api.ove-prod-01.infra.bank.ch', 'api-int.ove-prod-01.infra.bank.ch', '*.apps.ove-prod-01.infra.bank.ch']);
    expect(checkDns(def)).toEqual([
      {
        id: 'dns.records', severity: 'info', subject: 'DNS', message: 'the definition has no dns: section; create these records before installing',
        arithmetic: 'api.ove-prod-01.infra.bank.ch A 10.20.0.10; api-int.ove-prod-01.infra.bank.ch A 10.20.0.10; *.apps.ove-prod-01.infra.bank.ch A 10.20.0.11',
      },
    ]);
  });

  it('fails a missing api-int record and a wildcard on the wrong address', async () => {
    const def = await storyVariant((d) => {
      d.hardware.dns!.records = d.hardware.dns!.records.filter((r) => !r.name.startsWith('api-int.'));
      d.hardware.dns!.records.find((r) => r.name.startsWith('*.apps'))!.value = '10.20.0.10';
    });
    expect(checkDns(def)).toEqual([
      { id: 'dns.records', severity: 'error', subject: 'api-int.ove-prod-01.infra.bank.ch', message: 'no A record for api-int.ove-prod-01.infra.bank.ch (the API for the nodes)', arithmetic: 'want api-int.ove-prod-01.infra.bank.ch A 10.20.0.10; found none' },
      { id: 'dns.records', severity: 'error', subject: '*.apps.ove-prod-01.infra.bank.ch', message: '*.apps.ove-prod-01.infra.bank.ch resolves to 10.20.0.10, not to 10.20.0.11', arithmetic: 'want 10.20.0.11; found 10.20.0.10' },
    ]);
  });
});
