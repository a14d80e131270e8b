import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { formatHosts, ingressClassDef, ingressDef, networkPolicyDef } from './index.js';

const now = Date.parse('2026-01-01T12:00:00Z');
const meta = { name: 'x', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z' };

describe('networking', () => {
  it('network policies print their pod selector and default policy types', () => {
    const np: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } };
    networkPolicyDef.defaults!(np, { operation: 'CREATE' });
    expect(np.spec).toMatchObject({ policyTypes: ['Ingress', 'Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] });
    expect(networkPolicyDef.cells!(np, now)).toEqual(['<none>', '60m']);
    expect(networkPolicyDef.cells!({ ...np, spec: { podSelector: { matchLabels: { app: 'db' } } } }, now)[0]).toBe('app=db');
  });
  it('ingresses print class, hosts, address and ports', () => {
    const ing: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta, spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }], tls: [{ hosts: ['a.example.com'] }] }, status: { loadBalancer: { ingress: [{ ip: '192.0.2.1' }, { hostname: 'lb.example.com' }] } } };
    expect(ingressDef.cells!(ing, now)).toEqual(['nginx', 'a.example.com,b.example.com', '192.0.2.1,lb.example.com', '80, 443', '60m']);
    expect(formatHosts([{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, {}])).toBe('a,b,c + 2 more...');
    expect(formatHosts([{}])).toBe('*');
  });
  it('ingress classes print their parameters reference', () => {
    const ic: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta, spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } } };
    expect(ingressClassDef.cells!(ic, now)).toEqual(['k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/external-lb', '60m']);
  });
});
