import { describe, it, expect } from 'vitest';
import { isScalarResourceName, podRequests, resourceFromList } from './resources.js';

const c = (requests: Record<string, string>, extra: Record<string, unknown> = {}) => ({ resources: { requests }, ...extra });

describe('podRequests()', () => {
  it.each([
    { name: 'sums containers', spec: { containers: [c({ cpu: '250m', memory: '64Mi' }), c({ cpu: '1', memory: '1Gi' })] }, want: { cpu: 1250, memory: 64 * 2 ** 20 + 2 ** 30 } },
    { name: 'takes the larger init container', spec: { containers: [c({ cpu: '100m' })], initContainers: [c({ cpu: '2' }), c({ cpu: '500m' })] }, want: { cpu: 2000 } },
    {
      name: 'adds sidecars to the containers and to later init containers',
      spec: { containers: [c({ cpu: '1' })], initContainers: [c({ cpu: '200m' }, { restartPolicy: 'Always' }), c({ cpu: '3' })] },
      want: { cpu: 3200 },
    },
    { name: 'adds pod overhead', spec: { containers: [c({ cpu: '1', memory: '1Gi' })], overhead: { cpu: '250m', memory: '120Mi' } }, want: { cpu: 1250, memory: 1199570944 } },
    { name: 'keeps extended resources in units', spec: { containers: [c({ 'devices.kubevirt.io/kvm': '1' }), c({ 'devices.kubevirt.io/kvm': '1' })] }, want: { 'devices.kubevirt.io/kvm': 2 } },
    { name: 'rounds memory up to whole bytes after summing', spec: { containers: [c({ memory: '500m' }), c({ memory: '500m' })] }, want: { memory: 1 } },
  ])('$name', ({ spec, want }) => {
    expect(Object.fromEntries(podRequests(spec))).toEqual(want);
  });

  it('counts missing cpu/memory as 100m/200MB per container when asked (scoring)', () => {
    const r = podRequests({ containers: [c({ cpu: '1' }), { resources: {} }] }, true);
    expect(r.get('cpu')).toBe(1100);
    expect(r.get('memory')).toBe(2 * 200 * 1024 * 1024);
  });
});

describe('resourceFromList()', () => {
  it('reads allocatable into scheduler units', () => {
    const r = resourceFromList({ cpu: '191500m', memory: '1006Gi', pods: '250', 'ephemeral-storage': '100Gi', 'devices.kubevirt.io/kvm': '1k', 'hugepages-1Gi': '0' });
    expect(r.milliCPU).toBe(191500);
    expect(r.memory).toBe(1006 * 2 ** 30);
    expect(r.allowedPodNumber).toBe(250);
    expect(r.ephemeralStorage).toBe(100 * 2 ** 30);
    expect(r.scalar.get('devices.kubevirt.io/kvm')).toBe(1000);
    expect(r.scalar.get('hugepages-1Gi')).toBe(0);
  });
});

describe('isScalarResourceName()', () => {
  it.each([
    ['devices.kubevirt.io/kvm', true],
    ['nvidia.com/gpu', true],
    ['hugepages-2Mi', true],
    ['cpu', false],
    ['kubernetes.io/something', false],
    ['requests.example.com/x', false],
  ])('%s -> %s', (name, want) => expect(isScalarResourceName(name)).toBe(want));
});
