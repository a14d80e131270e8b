import { describe, it, expect } from 'vitest';
import { parseIpv4, formatIpv4, parseCidr4, cidrSize, cidrContains, cidrOverlaps, cidrLast } from './ipv4.js';
import { expandPortRange } from './resolve-hardware.js';
import { bmcHost, bmcScheme } from './cross-check.js';

describe('ipv4', () => {
  it('parseIpv4() round-trips and refuses bad octets', () => {
    expect(formatIpv4(parseIpv4('10.20.0.255')!)).toBe('10.20.0.255');
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('10.20.0.256')).toBeUndefined();
    expect(parseIpv4('10.20.0')).toBeUndefined();
  });
  it('parseCidr4() refuses host bits and bad prefixes', () => {
    expect(parseCidr4('10.128.0.0/14')).toMatchObject({ prefix: 14 });
    expect(parseCidr4('10.129.0.0/14')).toBeUndefined();
    expect(parseCidr4('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr4('0.0.0.0/0')).toMatchObject({ base: 0, prefix: 0 });
  });
  it('sizes, contains and overlaps', () => {
    const pods = parseCidr4('10.128.0.0/14')!;
    expect(cidrSize(pods)).toBe(262_144);
    expect(formatIpv4(cidrLast(pods))).toBe('10.131.255.255');
    expect(cidrContains(pods, parseIpv4('10.131.2.5')!)).toBe(true);
    expect(cidrContains(pods, parseIpv4('10.132.0.0')!)).toBe(false);
    expect(cidrOverlaps(pods, parseCidr4('10.130.0.0/16')!)).toBe(true);
    expect(cidrOverlaps(pods, parseCidr4('10.132.0.0/16')!)).toBe(false);
  });
});

describe('expandPortRange()', () => {
  it('expands the last number of a name', () => {
    expect(expandPortRange('Ethernet1/49-52')).toEqual(['Ethernet1/49', 'Ethernet1/50', 'Ethernet1/51', 'Ethernet1/52']);
    expect(expandPortRange('Ethernet1/1')).toEqual(['Ethernet1/1']);
    expect(expandPortRange('swp10-9')).toBeUndefined();
  });
});

describe('bmcHost() and bmcScheme()', () => {
  it('reads the host and scheme of metal3 BMC addresses', () => {
    expect(bmcHost('idrac-virtualmedia://10.10.0.101/redfish/v1/Systems/1')).toBe('10.10.0.101');
    expect(bmcScheme('idrac-virtualmedia://10.10.0.101/redfish/v1/Systems/1')).toBe('idrac-virtualmedia');
    expect(bmcHost('ipmi://10.10.0.5:623')).toBe('10.10.0.5');
    expect(bmcHost('10.10.0.5')).toBe('10.10.0.5');
    expect(bmcScheme('10.10.0.5')).toBe('ipmi');
    expect(bmcHost('not a url')).toBeUndefined();
  });
});
