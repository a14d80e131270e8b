import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { RbdImageStore, storyCluster } from '../../ceph/model.js';
import { RealClock } from '../../lib/clock.js';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { CephHost } from '../storage-cluster/ceph-host.js';
import { fioSize, runCephCommand } from './ceph-command.js';

describe('CephCommand', () => {
  let def: ClusterDefinition;
  let host: CephHost;
  beforeAll(async () => {
    def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
    host = new CephHost(def, { now: () => Date.UTC(2026, 2, 18, 14, 0, 2), setTimer: () => ({}) as never, clearTimer: () => undefined, sleep: async () => undefined });
    host.cluster = storyCluster(def);
    host.rbd = new RbdImageStore(host.cluster);
    host.rbd.create(2, 'csi-vol-1', 2 ** 30);
  });

  it('says when there is no cluster', () => {
    expect(runCephCommand(new CephHost(def, new RealClock()), { tool: 'ceph', args: ['status'] })).toMatchObject({ exitCode: 1, output: expect.stringContaining('no Ceph cluster is running') });
  });

  it('prints ceph status, health, -f json and refuses unknown commands with EINVAL', () => {
    expect(runCephCommand(host, { tool: 'ceph', args: ['status'] }).output).toContain('osd: 108 osds: 108 up');
    expect(runCephCommand(host, { tool: 'ceph', args: ['health'] }).output).toBe('HEALTH_OK\n');
    expect(JSON.parse(runCephCommand(host, { tool: 'ceph', args: ['osd', 'df'], format: 'json' }).output).nodes).toHaveLength(108);
    const bad = runCephCommand(host, { tool: 'ceph', args: ['osd', 'frobnicate'] });
    expect(bad.exitCode).toBe(22);
    expect(bad.output).toContain('Error EINVAL: invalid command');
    expect(runCephCommand(host, { tool: 'ceph', args: ['pg', 'dump_stuck', 'stale2'] }).exitCode).toBe(22);
  });

  it('ceph balancer status, off, on and mode: the module\'s JSON, bad modes refused', () => {
    const status = () => JSON.parse(runCephCommand(host, { tool: 'ceph', args: ['balancer', 'status'] }).output);
    expect(Object.keys(status())).toEqual(['active', 'last_optimize_duration', 'last_optimize_started', 'mode', 'no_optimization_needed', 'optimize_result', 'plans']);
    expect(status()).toMatchObject({ active: true, mode: 'upmap', plans: [] });
    expect(runCephCommand(host, { tool: 'ceph', args: ['balancer', 'off'] })).toMatchObject({ exitCode: 0, output: '' });
    expect(status().active).toBe(false);
    expect(runCephCommand(host, { tool: 'ceph', args: ['balancer', 'on'] }).exitCode).toBe(0);
    expect(status().active).toBe(true);
    expect(runCephCommand(host, { tool: 'ceph', args: ['balancer', 'mode', 'crush-compat'] })).toMatchObject({ exitCode: 22, output: expect.stringContaining('not modelled') });
    expect(runCephCommand(host, { tool: 'ceph', args: ['balancer', 'mode', 'bogus'] }).exitCode).toBe(22);
    expect(status().mode).toBe('upmap');
  });

  it('rbd config image set changes the image; bad keys and values are refused', () => {
    expect(runCephCommand(host, { tool: 'rbd', args: ['config', 'image', 'set', 'ocs-storagecluster-cephblockpool/csi-vol-1', 'rbd_qos_iops_limit', '5000'] }).exitCode).toBe(0);
    expect(host.rbd!.get(2, 'csi-vol-1').config.get('rbd_qos_iops_limit')).toBe('5000');
    expect(runCephCommand(host, { tool: 'rbd', args: ['config', 'image', 'list', 'ocs-storagecluster-cephblockpool/csi-vol-1'] }).output).toMatch(/rbd_qos_iops_limit\s+5000\s+image/);
    expect(runCephCommand(host, { tool: 'rbd', args: ['config', 'image', 'set', 'ocs-storagecluster-cephblockpool/csi-vol-1', 'rbd_bogus', '1'] })).toMatchObject({ exitCode: 22, output: 'rbd: invalid config key: rbd_bogus\n' });
    expect(runCephCommand(host, { tool: 'rbd', args: ['info', 'csi-vol-1'] }).output).toContain('use POOL/IMAGE');
    expect(runCephCommand(host, { tool: 'rbd', args: ['snap', 'ls', 'ocs-storagecluster-cephblockpool/csi-vol-1'] }).exitCode).toBe(0);
  });

  it('fio needs a bound claim and parses fio sizes', () => {
    expect(runCephCommand(host, { tool: 'fio', args: ['--pvc', 'default/x'] }, () => undefined)).toMatchObject({ exitCode: 1, output: expect.stringContaining('is not bound to an RBD image') });
    const img = host.rbd!.get(2, 'csi-vol-1');
    expect(runCephCommand(host, { tool: 'fio', args: ['--pvc', 'default/x', '--numjobs', '8', '--iodepth', '32'] }, () => img).output).toContain('IOPS=5.00k');
    expect(fioSize('4k')).toBe(4096);
    expect(fioSize('1g')).toBe(2 ** 30);
    expect(() => fioSize('lots')).toThrow('invalid size');
  });
});
