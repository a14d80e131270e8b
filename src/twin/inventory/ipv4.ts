/** IPv4 addresses and CIDR blocks as plain numbers, for the inventory and the preflight checks. */

/** An IPv4 CIDR block: `base` is the network address as an unsigned 32-bit number. */
export interface Cidr4 {
  text: string;
  base: number;
  prefix: number;
}

const OCTETS_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted-quad address into an unsigned 32-bit number, or undefined if it is not one. */
export function parseIpv4(text: string): number | undefined {
  const m = OCTETS_RE.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

/** Formats an unsigned 32-bit number as a dotted quad. */
export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses `a.b.c.d/p`; refuses host bits set below the prefix (`10.20.0.5/24`). */
export function parseCidr4(text: string): Cidr4 | undefined {
  const [addr, len, ...rest] = text.trim().split('/');
  if (rest.length || len === undefined || !/^\d{1,2}$/.test(len)) return undefined;
  const base = parseIpv4(addr);
  const prefix = Number(len);
  if (base === undefined || prefix > 32) return undefined;
  if ((base & hostMask(prefix)) !== 0) return undefined;
  return { text: text.trim(), base, prefix };
}

function hostMask(prefix: number): number {
  return prefix === 0 ? 0xffffffff : (2 ** (32 - prefix) - 1) >>> 0;
}

/** Number of addresses in a block (2^(32-prefix)). */
export function cidrSize(c: Cidr4): number {
  return 2 ** (32 - c.prefix);
}

/** The last address of a block (its broadcast address). */
export function cidrLast(c: Cidr4): number {
  return c.base + cidrSize(c) - 1;
}

/** Whether `ip` lies inside block `c`. */
export function cidrContains(c: Cidr4, ip: number): boolean {
  return ip >= c.base && ip <= cidrLast(c);
}

/** Whether two blocks share any address. */
export function cidrOverlaps(a: Cidr4, b: Cidr4): boolean {
  return a.base <= cidrLast(b) && b.base <= cidrLast(a);
}
