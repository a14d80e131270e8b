/** Turns a schema-valid `hardware.yaml` into the resolved `Hardware` model. */
import { parseByteSize } from '../../lib/units.js';
import type { HardwareDoc } from './hardware-schema.js';
import type { Hardware, Server, Switch, SwitchPort, Link, Pdu } from './cluster-definition.js';
import type { DefinitionIssue } from './definition-error.js';
import { parseCidr4, parseIpv4 } from './ipv4.js';

const FILE = 'hardware.yaml';

/**
 * Continuous-load limits by electrical code, in percent of the breaker rating.
 * NEC 210.19(A)(1)/210.20(A): the overcurrent device must carry 125 % of a continuous load
 * (3 h or more), i.e. continuous load at most 80 % of the rating; UL-listed PDUs are
 * labelled accordingly (a 30 A PDU for 24 A). IEC 60364-4-43 §433.1 only asks Ib ≤ In ≤ Iz:
 * there is no blanket 80 % rule, so the limit is the full rating.
 */
export const CONTINUOUS_PERCENT = { nec: 80, iec: 100 } as const;

/** Expands `Ethernet1/1-48` into Ethernet1/1 … Ethernet1/48; a single name stays as it is. */
export function expandPortRange(name: string): string[] | undefined {
  const m = /^(.*?)(\d+)-(\d+)$/.exec(name);
  if (!m) return [name];
  const [from, to] = [Number(m[2]), Number(m[3])];
  if (to < from) return undefined;
  return Array.from({ length: to - from + 1 }, (_, i) => `${m[1]}${from + i}`);
}

/** Splits `device:port` at the first colon. */
export function parseEndpoint(text: string): { device: string; port: string } {
  const i = text.indexOf(':');
  return { device: text.slice(0, i), port: text.slice(i + 1) };
}

/** Resolves sizes, port ranges, addresses and defaults; pushes problems onto `issues`. */
export function resolveHardware(doc: HardwareDoc, issues: DefinitionIssue[]): Hardware {
  const servers: Server[] = doc.servers.map((s, i) => {
    const at = `servers[${i}]`;
    checkIp(s.address, `${at}.address`, issues);
    checkIp(s.bmc?.address, `${at}.bmc.address`, issues);
    const drives = s.drives.map((d, j) => {
      let sizeBytes = 0;
      try {
        sizeBytes = parseByteSize(d.size);
      } catch (err) {
        issues.push({ file: FILE, path: `${at}.drives[${j}].size`, message: (err as Error).message });
      }
      return { ...d, sizeBytes };
    });
    return { ...s, drives, bonds: s.bonds ?? [], macAddresses: s.macAddresses ?? {} };
  });

  const switches: Switch[] = (doc.switches ?? []).map((sw, i) => {
    checkIp(sw.address, `switches[${i}].address`, issues);
    const ports: SwitchPort[] = [];
    sw.ports.forEach((p, j) => {
      const names = expandPortRange(p.name);
      if (!names) issues.push({ file: FILE, path: `switches[${i}].ports[${j}].name`, message: `range "${p.name}" ends before it starts` });
      for (const name of names ?? []) ports.push({ name, speedGbps: p.speedGbps, mtu: p.mtu });
    });
    return { ...sw, ports };
  });

  (doc.networks ?? []).forEach((n, i) => {
    if (n.cidr !== undefined && !parseCidr4(n.cidr)) {
      issues.push({ file: FILE, path: `networks[${i}].cidr`, message: `"${n.cidr}" is not an IPv4 CIDR block with host bits zero` });
    }
  });
  (doc.dns?.records ?? []).forEach((r, i) => {
    if (r.type === 'A') checkIp(r.value, `dns.records[${i}].value`, issues);
  });

  const links: Link[] = (doc.links ?? []).map((l) => ({ a: parseEndpoint(l.a), b: parseEndpoint(l.b), speedGbps: l.speedGbps }));
  const pdus: Pdu[] = (doc.pdus ?? []).map((p) => ({
    ...p,
    continuousPercent: p.continuousPercent ?? CONTINUOUS_PERCENT[doc.site.electricalCode],
  }));

  return {
    site: doc.site,
    networks: doc.networks ?? [],
    overlay: doc.overlay,
    dns: doc.dns,
    racks: doc.racks,
    servers,
    switches,
    links,
    pdus,
  };
}

function checkIp(value: string | undefined, path: string, issues: DefinitionIssue[]): void {
  if (value !== undefined && parseIpv4(value) === undefined) {
    issues.push({ file: FILE, path, message: `"${value}" is not an IPv4 address` });
  }
}
