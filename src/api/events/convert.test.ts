import { describe, it, expect } from 'vitest';
import { coreToEventsV1, eventsV1ToCore } from './convert.js';
import { eventCells } from '../core/event-cells.js';

const core = {
  apiVersion: 'v1', kind: 'Event', metadata: { name: 'vm1.1', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z' },
  involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{web}' },
  reason: 'Pulled', message: 'Image pulled ', type: 'Normal', source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2026-01-01T11:50:00Z', lastTimestamp: '2026-01-01T11:58:00Z', count: 3,
};

describe('event conversion', () => {
  it('round-trips core -> events.k8s.io/v1 -> core', () => {
    const v1 = coreToEventsV1(core);
    expect(v1).toMatchObject({ apiVersion: 'events.k8s.io/v1', regarding: core.involvedObject, note: 'Image pulled ', deprecatedCount: 3, deprecatedSource: core.source });
    expect(eventsV1ToCore(v1)).toEqual(core);
  });
  it('prints the same cells for both shapes', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const cells = ['2m', 'Normal', 'Pulled', 'pod/web-1', 'spec.containers{web}', 'kubelet, node-1', 'Image pulled', '10m', 3, 'vm1.1'];
    expect(eventCells(core, now)).toEqual(cells);
    expect(eventCells(coreToEventsV1(core), now)).toEqual(cells);
  });
  it('uses the series for last seen and count, and counts singletons as 1', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    const v1 = { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e' }, eventTime: '2026-01-01T11:59:00.000000Z', regarding: { kind: 'Node' }, reportingController: 'ove-controller', reportingInstance: 'ctl-0', note: 'x' };
    expect(eventCells(v1, now)).toEqual(['60s', '', '', 'node', '', 'ove-controller, ctl-0', 'x', '60s', 1, 'e']);
    expect(eventCells({ ...v1, series: { count: 7, lastObservedTime: '2026-01-01T11:59:55.000000Z' } }, now).slice(0, 1)).toEqual(['5s']);
  });
});
