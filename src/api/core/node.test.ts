import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { nodeCells, nodeRoles, nodeStatus } from './node.js';

function node(conditions: unknown[], unschedulable = false, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels, creationTimestamp: '2026-01-01T00:00:00Z' }, spec: unschedulable ? { unschedulable } : {}, status: { conditions } };
}

describe('nodeStatus()', () => {
  it.each([
    [[{ type: 'Ready', status: 'True' }], false, 'Ready'],
    [[{ type: 'Ready', status: 'False' }], false, 'NotReady'],
    [[{ type: 'Ready', status: 'Unknown' }], false, 'NotReady'],
    [[], false, 'Unknown'],
    [[{ type: 'MemoryPressure', status: 'True' }], false, 'Unknown'],
    [[{ type: 'Ready', status: 'True' }], true, 'Ready,SchedulingDisabled'],
    [[{ type: 'Ready', status: 'False' }], true, 'NotReady,SchedulingDisabled'],
    [[], true, 'Unknown,SchedulingDisabled'],
  ])('%j unschedulable=%s -> %s', (conds, unsched, want) => {
    expect(nodeStatus(node(conds, unsched))).toBe(want);
  });
});

describe('nodeRoles()', () => {
  it('collects node-role labels and the legacy role label, sorted', () => {
    expect(nodeRoles(node([], false, { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/': '' }))).toEqual(['control-plane', 'master', 'worker']);
  });
});

describe('nodeCells()', () => {
  it('prints <none> roles and <unknown> node info', () => {
    const n = node([{ type: 'Ready', status: 'True' }]);
    (n.status as Record<string, unknown>).addresses = [{ type: 'Hostname', address: 'n' }, { type: 'InternalIP', address: '192.168.1.10' }];
    (n.status as Record<string, unknown>).nodeInfo = { kubeletVersion: 'v1.32.5' };
    expect(nodeCells(n, Date.parse('2026-01-04T04:00:00Z'))).toEqual(['Ready', '<none>', '3d4h', 'v1.32.5', '192.168.1.10', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});
