import { describe, it, expect } from 'vitest';
import { podRequestsAndLimits, quantityString, totalRequestsAndLimits } from './pod-resources.js';

describe('podRequestsAndLimits()', () => {
  it('sums containers, takes the larger init container, adds the overhead', () => {
    const { requests, limits } = podRequestsAndLimits({
      containers: [{ resources: { requests: { cpu: '4', memory: '8650Mi' }, limits: { cpu: '4500m' } } }, { resources: { requests: { cpu: '10m', memory: '40M' } } }],
      initContainers: [{ resources: { requests: { cpu: '8' } } }],
      overhead: { memory: '100Mi' },
    });
    expect(quantityString(requests.get('cpu'))).toBe('8');
    // 8650Mi + 40M + 100Mi in bytes, printed as kubectl prints the sum.
    expect(quantityString(requests.get('memory'))).toBe('9215040000');
    expect(quantityString(limits.get('cpu'))).toBe('4500m');
    expect(limits.get('memory')).toBeUndefined();
  });

  it('totalRequestsAndLimits() adds pods up, keeping the first format', () => {
    const { requests } = totalRequestsAndLimits([{ containers: [{ resources: { requests: { memory: '1Gi' } } }] }, { containers: [{ resources: { requests: { memory: '1Gi' } } }] }]);
    expect(quantityString(requests.get('memory'))).toBe('2Gi');
    expect(quantityString(requests.get('cpu'))).toBe('0');
  });
});
