/**
 * Per-node pod subnets carved from the cluster network, as OVN-Kubernetes allocates
 * host subnets: `clusterNetwork` 10.128.0.0/14 with hostPrefix 23 gives each node a
 * /23, in order. Pure.
 */

/** Dotted IPv4 to a number. */
export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

/** A number to dotted IPv4. */
export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (Math.floor(n / 2 ** s) & 255).toString()).join('.');
}

/** The `index`-th /hostPrefix subnet of `cidr`, or undefined when the network is exhausted. */
export function hostSubnet(cidr: string, hostPrefix: number, index: number): string | undefined {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - hostPrefix);
  const count = 2 ** (hostPrefix - Number(bits));
  if (index < 0 || index >= count) return undefined;
  return `${intToIp(ipToInt(base) + index * size)}/${hostPrefix}`;
}

/** Pod IPs of a host subnet: OVN-Kubernetes keeps .1 (gateway) and .2 (management port), so pods start at .3. */
export function podIpAt(subnet: string, index: number): string | undefined {
  const [base, bits] = subnet.split('/');
  const size = 2 ** (32 - Number(bits));
  const offset = 3 + index;
  if (offset >= size - 1) return undefined;
  return intToIp(ipToInt(base) + offset);
}
