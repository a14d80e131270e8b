import { describe, it, expect } from 'vitest';
import { fromAggregated, kindGroup, pluralGroup, type ApiResource } from './api-resources.js';
import { resolveType, resolveTypeList } from './resolve-types.js';
import { parseTypeArgs } from './type-args.js';

// A discovery document shaped like the server's /api and /apis (APIGroupDiscoveryList).
const all: ApiResource[] = [
  ...fromAggregated({
    kind: 'APIGroupDiscoveryList',
    items: [
      {
        metadata: { name: '' },
        versions: [
          {
            version: 'v1',
            resources: [
              { resource: 'configmaps', responseKind: { kind: 'ConfigMap' }, scope: 'Namespaced', singularResource: 'configmap', shortNames: ['cm'] },
              { resource: 'events', responseKind: { kind: 'Event' }, scope: 'Namespaced', singularResource: 'event', shortNames: ['ev'] },
              { resource: 'namespaces', responseKind: { kind: 'Namespace' }, scope: 'Cluster', singularResource: 'namespace', shortNames: ['ns'] },
              { resource: 'persistentvolumeclaims', responseKind: { kind: 'PersistentVolumeClaim' }, scope: 'Namespaced', singularResource: 'persistentvolumeclaim', shortNames: ['pvc'] },
              { resource: 'pods', responseKind: { kind: 'Pod' }, scope: 'Namespaced', singularResource: 'pod', shortNames: ['po'], categories: ['all'] },
            ],
          },
        ],
      },
    ],
  }),
  ...fromAggregated({
    kind: 'APIGroupDiscoveryList',
    items: [
      {
        metadata: { name: 'events.k8s.io' },
        versions: [{ version: 'v1', resources: [{ resource: 'events', responseKind: { kind: 'Event' }, scope: 'Namespaced', singularResource: 'event', shortNames: ['ev'] }] }],
      },
      {
        metadata: { name: 'kubevirt.io' },
        versions: [
          {
            version: 'v1',
            resources: [
              { resource: 'virtualmachines', responseKind: { kind: 'VirtualMachine' }, scope: 'Namespaced', singularResource: 'virtualmachine', shortNames: ['vm', 'vms'], categories: ['all'] },
              { resource: 'virtualmachineinstances', responseKind: { kind: 'VirtualMachineInstance' }, scope: 'Namespaced', singularResource: 'virtualmachineinstance', shortNames: ['vmi', 'vmis'], categories: ['all'] },
            ],
          },
          { version: 'v1alpha3', resources: [{ resource: 'virtualmachines', responseKind: { kind: 'VirtualMachine' }, scope: 'Namespaced', singularResource: 'virtualmachine', shortNames: ['vm'] }] },
        ],
      },
      {
        metadata: { name: 'cdi.kubevirt.io' },
        versions: [{ version: 'v1beta1', resources: [{ resource: 'datavolumes', responseKind: { kind: 'DataVolume' }, scope: 'Namespaced', singularResource: 'datavolume', shortNames: ['dv', 'dvs'] }] }],
      },
    ],
  }),
];

const names = (rs: ApiResource[]) => rs.map((r) => `${pluralGroup(r)}/${r.version}`);

describe('resolveType()', () => {
  it.each([
    ['vm', 'virtualmachines.kubevirt.io/v1'],
    ['vms', 'virtualmachines.kubevirt.io/v1'],
    ['virtualmachine', 'virtualmachines.kubevirt.io/v1'],
    ['VirtualMachine', 'virtualmachines.kubevirt.io/v1'],
    ['virtualmachines.kubevirt.io', 'virtualmachines.kubevirt.io/v1'],
    ['virtualmachines.v1alpha3.kubevirt.io', 'virtualmachines.kubevirt.io/v1alpha3'],
    ['pvc', 'persistentvolumeclaims/v1'],
    ['ns', 'namespaces/v1'],
    ['dv', 'datavolumes.cdi.kubevirt.io/v1beta1'],
    ['events', 'events/v1'],
    ['events.events.k8s.io', 'events.events.k8s.io/v1'],
  ])('resolveType(%s) is %s', (token, want) => {
    expect(names(resolveType(token, all))).toEqual([want]);
  });

  it('expands a category to every type in it', () => {
    expect(names(resolveType('all', all))).toEqual(['pods/v1', 'virtualmachines.kubevirt.io/v1', 'virtualmachineinstances.kubevirt.io/v1']);
  });

  it('refuses an unknown type with kubectl\'s message', () => {
    expect(() => resolveType('foo', all)).toThrow('error: the server doesn\'t have a resource type "foo"');
    expect(() => resolveType('vm.example.com', all)).toThrow('"vm.example.com"');
  });
});

describe('resolveTypeList()', () => {
  it('resolves comma lists in order and drops duplicates', () => {
    expect(names(resolveTypeList('vm,vmi,dv,virtualmachines', all))).toEqual(['virtualmachines.kubevirt.io/v1', 'virtualmachineinstances.kubevirt.io/v1', 'datavolumes.cdi.kubevirt.io/v1beta1']);
  });
});

describe('parseTypeArgs()', () => {
  it('takes TYPE NAME... and TYPE/NAME... forms', () => {
    expect(parseTypeArgs(['vm,cm', 'x'], all, 'get').map((r) => [r.resource.plural, r.names])).toEqual([
      ['virtualmachines', ['x']],
      ['configmaps', ['x']],
    ]);
    expect(parseTypeArgs(['vm/a', 'vm/b', 'cm/c'], all, 'get').map((r) => [r.resource.plural, r.names])).toEqual([
      ['virtualmachines', ['a', 'b']],
      ['configmaps', ['c']],
    ]);
    expect(() => parseTypeArgs([], all, 'get')).toThrow('you must specify the type of resource to get');
    expect(() => parseTypeArgs(['vm/'], all, 'get')).toThrow('resource/name form');
  });
});

describe('kindGroup()', () => {
  it('is kubectl\'s lower-cased kind.group', () => {
    expect(kindGroup(all.find((r) => r.plural === 'virtualmachines')!)).toBe('virtualmachine.kubevirt.io');
    expect(kindGroup(all.find((r) => r.plural === 'configmaps')!)).toBe('configmap');
  });
});
