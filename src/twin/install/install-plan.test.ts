import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadClusterDefinition } from '../inventory/index.js';
import { planInstall } from './install-plan.js';

const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));

describe('planInstall() on the story cluster', () => {
  const steps = planInstall(def);
  const joined = steps.filter((s) => s.kind === 'register');
  const minute = (name: string) => joined.find((s) => s.kind === 'register' && s.server.name === name)!.at / 60;
  const end = steps[steps.length - 1];

  it('registers the 3 control-plane nodes around T+13..15 and the 9 workers around T+37..42, as chapter 2 tells', () => {
    expect(joined.map((s) => (s.kind === 'register' ? s.server.name : ''))).toEqual(['ctrl-1', 'ctrl-2', 'ctrl-3', 'worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5', 'worker-6', 'worker-7', 'worker-8', 'worker-9']);
    expect(minute('ctrl-1')).toBeCloseTo(13, 0);
    expect(minute('ctrl-3')).toBeCloseTo(15, 0);
    expect(minute('worker-1')).toBeCloseTo(37, 0);
    expect(minute('worker-9')).toBeCloseTo(42, 0);
  });

  it('gives every node its own /23 from 10.128.0.0/14 and ends near T+60', () => {
    const cidrs = joined.map((s) => (s.kind === 'register' ? s.podCIDR : ''));
    expect(new Set(cidrs).size).toBe(12);
    expect(cidrs[0]).toBe('10.128.0.0/23');
    expect(end.kind).toBe('complete');
    expect(end.at / 60).toBeGreaterThan(55);
    expect(end.at / 60).toBeLessThan(65);
  });

  it('prints the API wait line the story quotes, with the API up 14 s later', () => {
    const wait = steps.find((s) => s.message.startsWith('Waiting up to 40m0s'))!;
    const up = steps.find((s) => s.message.startsWith('API v1.29.1+6afe7c1 up'))!;
    expect(wait.message).toContain('https://api.ove-prod-01.infra.bank.ch:6443');
    expect(up.at - wait.at).toBe(14);
    expect(wait.at / 60).toBeCloseTo(22, 0);
  });
});
