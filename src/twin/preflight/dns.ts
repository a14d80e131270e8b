/**
 * DNS records the installer and the cluster need: `api.`, `api-int.` (both to the API VIP)
 * and `*.apps.` (to the ingress VIP) under `<cluster>.<baseDomain>` (OpenShift bare-metal IPI
 * "DNS requirements"). The twin runs no DNS server, so it checks the definition's `dns:`.
 */
import type { ClusterDefinition } from '../inventory/index.js';
import type { Finding } from './finding.js';

/** A record the cluster needs and the address it must resolve to. */
export interface RequiredRecord {
  name: string;
  value: string;
  why: string;
}

/** The records `def` needs. */
export function requiredRecords(def: ClusterDefinition): RequiredRecord[] {
  const ic = def.installConfig;
  const zone = `${ic.metadata.name}.${ic.baseDomain}`;
  const api = ic.platform.baremetal.apiVIPs?.[0] ?? '<api VIP>';
  const ingress = ic.platform.baremetal.ingressVIPs?.[0] ?? '<ingress VIP>';
  return [
    { name: `api.${zone}`, value: api, why: 'the Kubernetes API for clients' },
    { name: `api-int.${zone}`, value: api, why: 'the API for the nodes' },
    { name: `*.apps.${zone}`, value: ingress, why: 'routes: console, oauth, applications' },
  ];
}

/** Checks the `dns:` section against the required records, or lists them when it is absent. */
export function checkDns(def: ClusterDefinition): Finding[] {
  const need = requiredRecords(def);
  const listing = need.map((r) => `${r.name} A ${r.value}`).join('; ');
  const dns = def.hardware.dns;
  if (!dns) {
    return [{ id: 'dns.records', severity: 'info', subject: 'DNS', message: 'the definition has no dns: section; create these records before installing', arithmetic: listing }];
  }
  const norm = (s: string) => s.toLowerCase().replace(/\.$/, '');
  const out: Finding[] = [];
  for (const r of need) {
    const found = dns.records.filter((x) => norm(x.name) === norm(r.name) && x.type === 'A');
    if (!found.length) {
      out.push({ id: 'dns.records', severity: 'error', subject: r.name, message: `no A record for ${r.name} (${r.why})`, arithmetic: `want ${r.name} A ${r.value}; found none` });
    } else if (!found.some((x) => x.value === r.value)) {
      out.push({ id: 'dns.records', severity: 'error', subject: r.name, message: `${r.name} resolves to ${found.map((x) => x.value).join(', ')}, not to ${r.value}`, arithmetic: `want ${r.value}; found ${found.map((x) => x.value).join(', ')}` });
    }
  }
  if (!out.length) out.push({ id: 'dns.records', severity: 'info', subject: 'DNS', message: 'the required records are declared and point at the VIPs', arithmetic: listing });
  return out;
}
