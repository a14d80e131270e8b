import { describe, it, expect } from 'vitest';
import { status } from './framework.js';
import { fitErrorMessage, reasonHistogram } from './fit-error.js';

describe('fitErrorMessage()', () => {
  const s = (r: string) => status('X', 'Unschedulable', r);
  it('sorts "<count> <reason>" as Go strings, so 12 comes before 3', () => {
    const m = new Map([...Array.from({ length: 12 }, (_, i) => [`w${i}`, s('Insufficient memory')] as const), ...['c1', 'c2', 'c3'].map((n) => [n, s('Insufficient cpu')] as const)]);
    expect(reasonHistogram(15, m)).toEqual(['12 Insufficient memory', '3 Insufficient cpu']);
  });

  it('counts every reason of a node (NodeResourcesFit gives several)', () => {
    const m = new Map([['n1', status('NodeResourcesFit', 'Unschedulable', 'Insufficient cpu', 'Insufficient memory')]]);
    expect(fitErrorMessage(1, { nodeToStatus: m })).toBe('0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.');
  });

  it('uses only the PreFilter message when PreFilter rejected, then appends PostFilter without another period', () => {
    expect(fitErrorMessage(4, { nodeToStatus: new Map(), absentStatus: s('pod affinity terms conflict'), preFilterMsg: 'pod affinity terms conflict', postFilterMsg: 'preemption: x.' })).toBe(
      '0/4 nodes are available: pod affinity terms conflict. preemption: x.',
    );
  });
});
