import { describe, it, expect } from 'vitest';
import type { VmiSpec } from '../virtual-machine/kubevirt-types.js';
import { launcherResources, memoryOverheadBytes, vcpusOf } from './launcher-resources.js';

const Mi = 1024 * 1024;
const spec = (domain: VmiSpec['domain']): VmiSpec => ({ domain });

describe('launcherResources()', () => {
  it('test-linux-01 (4 vCPU, 8Gi): 8Gi guest + 16Mi page tables + 220Mi processes + 32Mi vCPU tables + 8Mi IOThread + 32Mi video', () => {
    const s = spec({ cpu: { cores: 4, sockets: 1, threads: 1 }, memory: { guest: '8Gi' } });
    expect(memoryOverheadBytes(s)).toBe((16 + 220 + 32 + 8 + 32) * Mi);
    const r = launcherResources(s);
    expect(r.requests).toMatchObject({ cpu: '400m', memory: `${8192 + 308}Mi`, 'devices.kubevirt.io/kvm': '1' });
    expect(r.limits.memory).toBeUndefined();
    expect(r.qosClass).toBe('Burstable');
  });

  it('counts cores × sockets × threads (test-win-01: 4 × 2 threads = 8 vCPUs → 800m)', () => {
    const s = spec({ cpu: { cores: 4, threads: 2 }, memory: { guest: '8Gi' } });
    expect(vcpusOf(s)).toBe(8);
    expect(launcherResources(s).requests.cpu).toBe('800m');
  });

  it('dedicated CPUs take whole cores with limits equal to requests (Guaranteed)', () => {
    const r = launcherResources(spec({ cpu: { cores: 2, dedicatedCpuPlacement: true }, memory: { guest: '2Gi' } }));
    expect(r.requests.cpu).toBe('2');
    expect(r.limits.memory).toBe(r.requests.memory);
    expect(r.qosClass).toBe('Guaranteed');
  });

  it('drops the video RAM without a graphics device and adds 1Gi for VFIO devices', () => {
    const base = memoryOverheadBytes(spec({ memory: { guest: '1Gi' } }));
    expect(memoryOverheadBytes(spec({ memory: { guest: '1Gi' }, devices: { autoattachGraphicsDevice: false } }))).toBe(base - 32 * Mi);
    expect(memoryOverheadBytes(spec({ memory: { guest: '1Gi' }, devices: { hostDevices: [{}] } }))).toBe(base + 1024 * Mi);
  });

  it('uses the memory request when no guest size is given', () => {
    const r = launcherResources(spec({ resources: { requests: { memory: '2Gi' } } }));
    // 2Gi/512 = 4Mi page tables, 1 vCPU.
    expect(r.requests.memory).toBe(`${2048 + 4 + 220 + 8 + 8 + 32}Mi`);
  });

  it('requests huge pages for the guest and plain memory for the overhead only (cx1/m1)', () => {
    const r = launcherResources(spec({ cpu: { sockets: 2 }, memory: { guest: '16Gi', hugepages: { pageSize: '2Mi' } } }));
    expect(r.requests['hugepages-2Mi']).toBe('16Gi');
    // Page tables of 16Gi: ceil(16Gi / 1000) × 1000 / 512 = 32Mi + 1 byte, as the Go arithmetic gives.
    expect(r.requests.memory).toBe(String((32 + 220 + 16 + 8 + 32) * 1024 * 1024 + 1));
  });
});
