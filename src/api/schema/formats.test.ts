import { describe, expect, it } from 'vitest';
import { formatCheck } from './formats.js';

// Accept/reject pairs per strfmt default.go (go-openapi strfmt, as kube-openapi vendors it).
describe('formatCheck()', () => {
  it.each<[string, string[], string[]]>([
    ['date-time', ['2024-01-02T03:04:05Z', '2024-01-02t03:04:05.123+02:00', '2024-02-29T23:59:59z'], ['2024-01-02 03:04:05Z', '2023-02-29T00:00:00Z', '2024-01-02T24:00:00Z', '2024-01-02T03:04:05', 'yesterday']],
    ['date', ['2024-01-31'], ['2024-1-31', '2024-02-30']],
    ['byte', ['aGVsbG8=', 'aGVs\nbG8=', ''], ['aGVsbG8', 'not base64!']],
    ['uuid', ['123e4567-e89b-12d3-a456-426614174000', '123E4567E89B12D3A456426614174000'], ['123e4567-e89b-12d3-a456']],
    ['ipv4', ['10.0.0.1'], ['10.0.0.256', '10.0.0', '010.0.0.1']],
    ['ipv6', ['fe80::1', '::ffff:10.0.0.1', '2001:db8:0:0:0:0:2:1'], ['fe80:::1', '10.0.0.1', '1:2:3:4:5:6:7:8:9']],
    ['cidr', ['10.0.0.0/8', 'fd00::/64'], ['10.0.0.0/33', '10.0.0.0']],
    ['mac', ['52:54:00:ab:cd:ef', '5254.00ab.cdef'], ['52:54:00:ab:cd']],
    ['isbn13', ['978-0321751041'], ['978-0321751042']],
    ['isbn10', ['0321751043'], ['0321751044']],
    ['creditcard', ['4111 1111 1111 1111'], ['4111 1111 1111 1112']],
    ['ssn', ['123-45-6789'], ['123-456-789']],
    ['bsonobjectid', ['507f1f77bcf86cd799439011'], ['507f1f77bcf86cd79943901']],
  ])('%s', (format, good, bad) => {
    const check = formatCheck(format)!;
    for (const s of good) expect(check(s), s).toBe(true);
    for (const s of bad) expect(check(s), s).toBe(false);
  });

  it('does not check formats kube strips (quantity, int32 on strings, unknown names)', () => {
    expect(formatCheck('quantity')).toBeUndefined();
    expect(formatCheck('int-or-string')).toBeUndefined();
    expect(formatCheck('k8s-short-name')).toBeUndefined();
  });
});
