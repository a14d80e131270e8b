import { describe, it, expect } from 'vitest';
import { storyVariant } from '../inventory/definition-fixture.js';
import { checkEtcdDisks } from './etcd-disks.js';
import { checkHardwareConsistency } from './hardware-consistency.js';
import { checkRackLayout } from './rack-layout.js';

describe('checkEtcdDisks()', () => {
  it('accepts the NVMe etcd drives of the story and asks for an fsync measurement', async () => {
    expect(checkEtcdDisks(await storyVariant())).toEqual([
      {
        id: 'etcd.disk', severity: 'info', subject: 'control plane',
        message: 'etcd drives are solid-state; measure their fsync p99 (fio --fdatasync=1, 8 KiB writes) before installing: etcd wants < 10 ms',
        arithmetic: 'ctrl-1:nvme1n1 (nvme, etcd): type ok, fsync not measured; ctrl-2:nvme1n1 (nvme, etcd): type ok, fsync not measured; ctrl-3:nvme1n1 (nvme, etcd): type ok, fsync not measured',
      },
    ]);
  });

  it('fails a rotating etcd disk and a slow measured fsync, and uses the boot drive without an etcd drive', async () => {
    const def = await storyVariant((d) => {
      d.hardware.servers[0].drives[1].type = 'hdd';
      d.hardware.servers[1].drives[1].fsyncP99Ms = 25;
      d.hardware.servers[2].drives = [{ ...d.hardware.servers[2].drives[0], fsyncP99Ms: 0.4 }];
    });
    expect(checkEtcdDisks(def).map((x) => [x.severity, x.subject, x.arithmetic])).toEqual([
      ['error', 'ctrl-1:nvme1n1 (hdd, etcd)', 'type hdd; target p99 < 10 ms'],
      ['error', 'ctrl-2:nvme1n1 (nvme, etcd)', '25 ms ≥ 10 ms'],
      ['info', 'control plane', 'ctrl-3:nvme0n1 (nvme, boot) p99 0.4 ms < 10 ms'],
    ]);
  });
});

describe('checkHardwareConsistency()', () => {
  it('finds the story installing RHCOS on an OSD drive of every worker', async () => {
    const f = checkHardwareConsistency(await storyVariant()).filter((x) => x.id === 'hardware.root-device');
    expect(f.map((x) => x.subject)).toEqual(Array.from({ length: 9 }, (_, i) => `worker-${i + 1}`));
    expect(f[0]).toEqual({
      id: 'hardware.root-device', severity: 'error', subject: 'worker-1',
      message: 'RHCOS would be installed on /dev/nvme0n1, one of the drives declared as Ceph OSDs; declare a separate boot drive or give up that OSD',
      arithmetic: '12 OSD drives − 1 root = 11 left for Ceph on worker-1',
    });
  });

  it('finds AMD EPYC CPUs in the Intel-only DL380 Gen11 and no worker boot drive', async () => {
    const f = checkHardwareConsistency(await storyVariant());
    const model = f.filter((x) => x.id === 'hardware.model');
    expect(model).toHaveLength(9);
    expect(model[0]).toEqual({
      id: 'hardware.model', severity: 'error', subject: 'worker-1',
      message: 'AMD EPYC 9454 (amd) cannot go into the HPE ProLiant DL380 Gen11, a platform for Intel Xeon CPUs; the amd model is the HPE ProLiant DL385 Gen11',
      arithmetic: 'cpu vendor amd ≠ intel',
    });
    expect(f.find((x) => x.id === 'hardware.boot-drive')).toMatchObject({ severity: 'warning', subject: '9 server(s)' });
  });

  it('computes cores and the raw OSD capacity in TB and TiB', async () => {
    const cap = checkHardwareConsistency(await storyVariant()).filter((x) => x.id === 'hardware.capacity');
    expect(cap.map((x) => [x.subject, x.message, x.arithmetic])).toEqual([
      ['3 control-plane servers', '32 cores / 64 threads and 256 GiB each', '2 × 16 cores (Intel Xeon Gold 6426Y) = 32 cores × 2 threads = 64'],
      ['9 worker servers', '96 cores / 192 threads and 1,024 GiB each', '2 × 48 cores (AMD EPYC 9454) = 96 cores × 2 threads = 192'],
      ['OSD drives', '108 OSD drives, 414.72 TB = 377.19 TiB raw', '108 × 3.84 TB = 414.72 TB = 414,720,000,000,000 B / 2^40 = 377.19 TiB; one drive = 3,576.28 GiB'],
    ]);
  });

  it('checks replicas, boot MACs, root device names and unlisted servers', async () => {
    const def = await storyVariant((d) => {
      d.installConfig.controlPlane!.replicas = 5;
      d.installConfig.compute![0].replicas = 7;
      d.installConfig.platform.baremetal.hosts[0].bootMACAddress = 'b4:96:91:1a:2c:ff';
      d.installConfig.platform.baremetal.hosts[1].rootDeviceHints = { deviceName: '/dev/sdz' };
      d.installConfig.platform.baremetal.hosts.pop();
    });
    const f = checkHardwareConsistency(def).filter((x) => !['hardware.model', 'hardware.capacity', 'hardware.boot-drive'].includes(x.id) && x.subject !== 'worker-1' && !/^worker-[2-8]$/.test(x.subject));
    expect(f.map((x) => [x.id, x.severity, x.subject, x.arithmetic])).toEqual([
      ['hardware.boot-mac', 'error', 'ctrl-1', 'ens1f0 b4:96:91:1a:2c:00'],
      ['hardware.root-device', 'error', 'ctrl-2', 'drives: nvme0n1, nvme1n1'],
      ['hardware.unlisted', 'warning', 'worker-9', '11 hosts in install-config, 12 servers'],
      ['hardware.replicas', 'error', 'controlPlane.replicas', '5 ≠ 3'],
      ['hardware.replicas', 'error', 'compute.replicas', '7 ≠ 8'],
    ]);
  });
});

describe('checkRackLayout()', () => {
  it('finds the 2U servers of the story stacked 1U apart', async () => {
    const f = checkRackLayout(await storyVariant());
    const overlaps = f.filter((x) => x.id === 'rack.layout');
    expect(overlaps).toHaveLength(12);
    expect(overlaps.slice(0, 2)).toEqual([
      { id: 'rack.layout', severity: 'error', subject: 'B-14 patch-panel-b14-u37 / ctrl-1', message: 'patch-panel-b14-u37 and ctrl-1 both occupy U37', arithmetic: 'patch-panel-b14-u37 U37 ∩ ctrl-1 U36–U37 = U37' },
      { id: 'rack.layout', severity: 'error', subject: 'B-14 ctrl-1 / ctrl-2', message: 'ctrl-1 and ctrl-2 both occupy U36', arithmetic: 'ctrl-1 U36–U37 ∩ ctrl-2 U35–U36 = U36' },
    ]);
  });

  it('passes servers 2U apart and fails a device above the top of the rack', async () => {
    const ok = await storyVariant((d) => { for (const s of d.hardware.servers) s.position = s.position * 2 - 50; });
    expect(checkRackLayout(ok).filter((x) => x.severity !== 'info')).toEqual([]);
    const high = await storyVariant((d) => {
      for (const s of d.hardware.servers) s.position = s.position * 2 - 50;
      d.hardware.switches[0].position = 43;
    });
    expect(checkRackLayout(high).filter((x) => x.severity !== 'info')).toEqual([
      { id: 'rack.layout', severity: 'error', subject: 'B-14 spine-1', message: 'spine-1 does not fit in the 42U rack', arithmetic: 'U43: U43 > U42' },
    ]);
  });
});
