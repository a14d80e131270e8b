import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { describeObject } from './describe-format.js';
import { smartLabel, splitCamelCase } from './smart-label.js';

describe('smartLabel()', () => {
  it.each([
    ['runStrategy', 'Run Strategy'],
    ['apiVersion', 'API Version'],
    ['uid', 'UID'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['HTTPServer', 'HTTP Server'],
    ['ipv4Address', 'ipv4Address'],
    ['spec', 'Spec'],
  ])('smartLabel(%s) is %s', (field, want) => expect(smartLabel(field)).toBe(want));

  it('splitCamelCase() splits on case changes', () => {
    expect(splitCamelCase('printableStatus')).toEqual(['printable', 'Status']);
  });
});

const vm = {
  apiVersion: 'kubevirt.io/v1',
  kind: 'VirtualMachine',
  metadata: {
    name: 'test-linux-01',
    namespace: 'sandbox',
    labels: { x: 'y', app: 'demo' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
    creationTimestamp: '2026-11-21T13:41:02Z',
    generation: 1,
    resourceVersion: '47',
    uid: 'abfe646a-9b0e-45da-9fd1-591563b80a14',
    managedFields: [{ manager: 'kubectl' }],
  },
  spec: { runStrategy: 'Halted', template: { spec: { architecture: 'amd64', domain: { devices: {}, machine: { type: 'q35' }, memory: { guest: '1Gi' } } } } },
} as unknown as KubeObject;

describe('describeObject()', () => {
  it('prints the generic description exactly as kubectl describe does for a VirtualMachine', () => {
    // Golden: `kubectl describe vm test-linux-01 -n sandbox` against ove.
    expect(describeObject(vm, [], Date.parse('2026-11-21T13:50:00Z'))).toBe(
      [
        'Name:         test-linux-01',
        'Namespace:    sandbox',
        'Labels:       app=demo',
        '              x=y',
        'Annotations:  <none>',
        'API Version:  kubevirt.io/v1',
        'Kind:         VirtualMachine',
        'Metadata:',
        '  Creation Timestamp:  2026-11-21T13:41:02Z',
        '  Generation:          1',
        '  Resource Version:    47',
        '  UID:                 abfe646a-9b0e-45da-9fd1-591563b80a14',
        'Spec:',
        '  Run Strategy:  Halted',
        '  Template:',
        '    Spec:',
        '      Architecture:  amd64',
        '      Domain:',
        '        Devices:',
        '        Machine:',
        '          Type:  q35',
        '        Memory:',
        '          Guest:  1Gi',
        'Events:           <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints conditions lists item by item and an Events table with counts', () => {
    const obj = { ...vm, status: { conditions: [{ type: 'Ready', status: 'False' }] } } as unknown as KubeObject;
    const now = Date.parse('2026-11-21T14:00:00Z');
    const out = describeObject(
      obj,
      [
        { type: 'Normal', reason: 'SuccessfulCreate', message: 'Started the virtual machine ', count: 1, firstTimestamp: '2026-11-21T13:59:30Z', lastTimestamp: '2026-11-21T13:59:30Z', source: { component: 'virtualmachine-controller' } },
        { type: 'Warning', reason: 'FailedScheduling', message: 'no nodes', count: 3, firstTimestamp: '2026-11-21T13:55:00Z', lastTimestamp: '2026-11-21T13:59:00Z', source: { component: 'default-scheduler' } },
      ],
      now,
    );
    expect(out).toContain('Status:\n  Conditions:\n    Status:  False\n    Type:    Ready\n');
    expect(out.slice(out.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type     Reason            Age               From                       Message',
        '  ----     ------            ----              ----                       -------',
        '  Warning  FailedScheduling  60s (x3 over 5m)  default-scheduler          no nodes',
        '  Normal   SuccessfulCreate  30s               virtualmachine-controller  Started the virtual machine',
        '',
      ].join('\n'),
    );
  });
});
