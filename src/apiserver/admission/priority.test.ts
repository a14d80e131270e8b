import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import type { ServedResource } from '../registry/resource-registry.js';
import type { AdmissionAttributes } from './admission.js';
import { priorityAdmission } from './priority.js';

const pc = (name: string, value: number, extra: object = {}) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra }) as unknown as KubeObject;
const plugin = (classes: KubeObject[]) => priorityAdmission({ get: (n) => classes.find((c) => c.metadata.name === n), list: () => classes });
const attrs = (plural: string, group: string, operation: AdmissionAttributes['operation'], name: string, old?: KubeObject): AdmissionAttributes =>
  ({ operation, res: { group, plural } as ServedResource, name, namespace: 'ns', user: { name: 'u', groups: [] }, dryRun: false, old });
const pod = (spec: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec }) as unknown as KubeObject;

describe('Priority admission', () => {
  it('gives priority 0 and PreemptLowerPriority without classes', () => {
    const p = pod({});
    plugin([]).admit!(attrs('pods', '', 'CREATE', 'p'), p);
    expect(p.spec).toEqual({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });

  it('resolves the named class, and the global default when none is named', () => {
    const classes = [pc('low', 10, { globalDefault: true, preemptionPolicy: 'Never' }), pc('high', 1000)];
    const named = pod({ priorityClassName: 'high' });
    plugin(classes).admit!(attrs('pods', '', 'CREATE', 'p'), named);
    expect(named.spec).toMatchObject({ priority: 1000, preemptionPolicy: 'PreemptLowerPriority' });
    const unnamed = pod({});
    plugin(classes).admit!(attrs('pods', '', 'CREATE', 'p'), unnamed);
    expect(unnamed.spec).toEqual({ priorityClassName: 'low', priority: 10, preemptionPolicy: 'Never' });
  });

  it('refuses an unknown class and a hand-set priority that disagrees', () => {
    expect(() => plugin([]).admit!(attrs('pods', '', 'CREATE', 'p'), pod({ priorityClassName: 'nope' }))).toThrow('pods "p" is forbidden: no PriorityClass with name nope was found');
    expect(() => plugin([pc('high', 1000)]).admit!(attrs('pods', '', 'CREATE', 'p'), pod({ priorityClassName: 'high', priority: 5 }))).toThrow('the integer value of priority (5) must not be provided');
  });

  it('keeps the priority an update leaves out', () => {
    const old = pod({ priority: 1000, preemptionPolicy: 'Never' });
    const next = pod({});
    plugin([]).admit!(attrs('pods', '', 'UPDATE', 'p', old), next);
    expect(next.spec).toEqual({ priority: 1000, preemptionPolicy: 'Never' });
  });

  it('allows one global default only, but lets the default itself be updated', () => {
    const classes = [pc('low', 10, { globalDefault: true })];
    expect(() => plugin(classes).validate!(attrs('priorityclasses', 'scheduling.k8s.io', 'CREATE', 'x'), pc('x', 5, { globalDefault: true }))).toThrow('PriorityClass low is already marked as default. Only one default can exist');
    expect(() => plugin(classes).validate!(attrs('priorityclasses', 'scheduling.k8s.io', 'UPDATE', 'low'), pc('low', 10, { globalDefault: true, description: 'd' }))).not.toThrow();
    expect(() => plugin(classes).validate!(attrs('priorityclasses', 'scheduling.k8s.io', 'CREATE', 'y'), pc('y', 5))).not.toThrow();
  });
});
