import { describe, expect, it } from 'vitest';
import {
  QUANTITY_ERRORS,
  type Quantity,
  type QuantityFormat,
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityValue,
} from './quantity.js';

function dec(unscaled: number | bigint, scale: number, format: QuantityFormat): Quantity {
  return { unscaled: BigInt(unscaled), scale, format, value: Number(`${unscaled}e${scale}`) };
}

// Cases from kubernetes staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go,
// TestQuantityString: the exact decimal, its canonical string, and an alternate spelling
// that must parse to the same canonical string.
const STRING_CASES: Array<[Quantity, string, string]> = [
  [dec(1024 * 1024 * 1024, 0, 'BinarySI'), '1Gi', '1024Mi'],
  [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
  [dec(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
  [dec(1001 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
  [dec(1024 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1Ti', '1024Gi'],
  [dec(5, 0, 'BinarySI'), '5', '5000m'],
  [dec(500, -3, 'BinarySI'), '500m', '0.5'],
  [dec(1, 9, 'DecimalSI'), '1G', '1000M'],
  [dec(1000, 6, 'DecimalSI'), '1G', '0.001T'],
  [dec(1000000, 3, 'DecimalSI'), '1G', ''],
  [dec(1000000000, 0, 'DecimalSI'), '1G', ''],
  [dec(1, -3, 'DecimalSI'), '1m', '1000u'],
  [dec(80, -3, 'DecimalSI'), '80m', ''],
  [dec(1080, -3, 'DecimalSI'), '1080m', '1.08'],
  [dec(108, -2, 'DecimalSI'), '1080m', '1080000000n'],
  [dec(10800, -4, 'DecimalSI'), '1080m', ''],
  [dec(300, 6, 'DecimalSI'), '300M', ''],
  [dec(1, 12, 'DecimalSI'), '1T', ''],
  [dec(1234567, 6, 'DecimalSI'), '1234567M', ''],
  [dec(1234567, -3, 'BinarySI'), '1234567m', ''],
  [dec(3, 3, 'DecimalSI'), '3k', ''],
  [dec(1025, 0, 'BinarySI'), '1025', ''],
  [dec(0, 0, 'DecimalSI'), '0', ''],
  [dec(0, 0, 'BinarySI'), '0', ''],
  [dec(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
  [dec(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
  [dec(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
  [dec(80, -3, 'DecimalExponent'), '80e-3', ''],
  [dec(300, 6, 'DecimalExponent'), '300e6', ''],
  [dec(1, 12, 'DecimalExponent'), '1e12', ''],
  [dec(1, 3, 'DecimalExponent'), '1e3', ''],
  [dec(3, 3, 'DecimalExponent'), '3e3', ''],
  [dec(0, 0, 'DecimalExponent'), '0', '00'],
  [dec(1, -9, 'DecimalSI'), '1n', ''],
  [dec(80, -9, 'DecimalSI'), '80n', ''],
  [dec(1080, -9, 'DecimalSI'), '1080n', ''],
  [dec(108, -8, 'DecimalSI'), '1080n', ''],
  [dec(1, -6, 'DecimalSI'), '1u', ''],
  [dec(80, -6, 'DecimalSI'), '80u', ''],
  [dec(1080, -6, 'DecimalSI'), '1080u', ''],
];

describe('formatQuantity()', () => {
  it.each(STRING_CASES)('formats %o as %s', (q, want, alternate) => {
    expect(formatQuantity(q)).toBe(want);
    if (alternate) expect(canonicalQuantity(alternate)).toBe(want);
  });
});

describe('parseQuantity()', () => {
  // TestQuantityParse (quantity_test.go): input, exact decimal, suffix family.
  const cases: Array<[string, bigint, number, QuantityFormat]> = [
    ['0', 0n, 0, 'DecimalSI'],
    ['0Ki', 0n, 0, 'BinarySI'],
    ['1Ki', 1024n, 0, 'BinarySI'],
    ['8Ki', 8n * 1024n, 0, 'BinarySI'],
    ['7Mi', 7n * 1024n ** 2n, 0, 'BinarySI'],
    ['3Ei', 3n * 1024n ** 6n, 0, 'BinarySI'],
    ['5n', 5n, -9, 'DecimalSI'],
    ['4u', 4n, -6, 'DecimalSI'],
    ['3m', 3n, -3, 'DecimalSI'],
    ['9', 9n, 0, 'DecimalSI'],
    ['8k', 8n, 3, 'DecimalSI'],
    ['1E-3', 1n, -3, 'DecimalExponent'],
    ['1e3', 1n, 3, 'DecimalExponent'],
    ['1.3E+6', 13n, 5, 'DecimalExponent'],
    ['100.035k', 100035n, 0, 'DecimalSI'],
    ['0.5', 5n, -1, 'DecimalSI'],
    ['.5Mi', 512n * 1024n, 0, 'BinarySI'],
    ['0.000000001', 1n, -9, 'DecimalSI'],
    ['9E', 9n, 18, 'DecimalSI'],
  ];
  it.each(cases)('parses %s', (input, unscaled, scale, format) => {
    const q = parseQuantity(input);
    expect(compareQuantities(q, dec(unscaled, scale, format))).toBe(0);
    expect(q.format).toBe(format);
  });

  it('rounds values finer than a nano up, away from zero ("Precision loss" cases)', () => {
    expect(canonicalQuantity('0.0000000001')).toBe('1n');
    expect(canonicalQuantity('-0.0000000001')).toBe('-1n');
    expect(canonicalQuantity('1.0000000001')).toBe('1000000001n');
  });

  it('caps magnitudes at 2^63-1 (maxAllowed)', () => {
    expect(canonicalQuantity('100E')).toBe('9223372036854775807');
    expect(canonicalQuantity('-100E')).toBe('-9223372036854775807');
  });

  it('turns a BinarySI value below one into DecimalSI', () => {
    expect(parseQuantity('0.001Ki').format).toBe('BinarySI');
    expect(parseQuantity('0.0000001Ki').format).toBe('DecimalSI');
  });

  it('canonicalizes the spellings manifests use', () => {
    expect(canonicalQuantity('1.5Gi')).toBe('1536Mi');
    expect(canonicalQuantity('1500m')).toBe('1500m');
    expect(canonicalQuantity('1.5')).toBe('1500m');
    expect(canonicalQuantity('2048Mi')).toBe('2Gi');
    expect(canonicalQuantity('100m')).toBe('100m');
    expect(canonicalQuantity(0.5)).toBe('500m');
    expect(canonicalQuantity(4)).toBe('4');
    expect(canonicalQuantity('1.5Ki')).toBe('1536');
    expect(canonicalQuantity(' 1Gi ')).toBe('1Gi');
  });

  // Error messages: ErrFormatWrong, ErrSuffix in quantity.go; inputs from TestQuantityParse's invalid table.
  it.each([
    ['', QUANTITY_ERRORS.formatWrong],
    ['1.1.M', QUANTITY_ERRORS.formatWrong],
    ['1+1.0M', QUANTITY_ERRORS.formatWrong],
    ['0.1mi', QUANTITY_ERRORS.suffix],
    ['0.1am', QUANTITY_ERRORS.formatWrong],
    ['aoeu', QUANTITY_ERRORS.formatWrong],
    ['1K', QUANTITY_ERRORS.suffix],
    ['1e', QUANTITY_ERRORS.suffix],
    ['1i', QUANTITY_ERRORS.suffix],
  ])('rejects %j', (input, msg) => {
    expect(() => parseQuantity(input)).toThrow(msg);
  });
});

describe('quantity values', () => {
  it('compares exactly at exbibyte scale', () => {
    expect(compareQuantities('8Ei', '9223372036854775807')).toBe(0);
    expect(compareQuantities('1Ei', '1152921504606846975')).toBe(1);
    expect(compareQuantities('1024Pi', '1Ei')).toBe(0);
    expect(compareQuantities('999m', '1')).toBe(-1);
  });

  it('rounds Value() up and MilliValue() up', () => {
    expect(quantityValue('1500m')).toBe(2n);
    expect(quantityValue('1Gi')).toBe(1073741824n);
    expect(quantityMilliValue('1.5')).toBe(1500n);
    expect(quantityMilliValue('1n')).toBe(1n);
  });

  it('reports the float value in base units', () => {
    expect(parseQuantity('1536Mi').value).toBe(1610612736);
    expect(parseQuantity('250m').value).toBe(0.25);
  });
});
