/**
 * Go `fmt` renderings that apimachinery's field errors print: `%q` for strings, `%v` for
 * numbers and booleans, `%#v` for maps and slices of decoded JSON
 * (`staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go`, ErrorBody).
 */

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `strconv.Quote` (`%q`): double quotes, Go escapes, non-printables as \x/\u. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\t': out += '\\t'; continue;
      case '\r': out += '\\r'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

/** Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)` with fmt's exponent rules). */
export function goFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e');
  const exp = Number(expStr);
  // strconv 'g' with the shortest precision switches to exponent form when the exponent
  // is below -4 or at least 6 (ftoa.go: "if shortest { eprec = 6 }"); exponents have 2+ digits.
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return String(f);
}

/** Go's `%v` of an int64 or float64 decoded from JSON (integral values decode as int64). */
export function goNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? BigInt(n).toString() : goFloat(n);
}

/** Go's `%#v` of a value decoded from JSON into `interface{}`. */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSyntax(x)).join(', ')}}`;
  if (typeof v === 'object') {
    // fmt sorts map keys (Go >= 1.12)
    const keys = Object.keys(v as object).sort(compareGoStrings);
    const body = keys.map((k) => `${goQuote(k)}:${goSyntax((v as Record<string, unknown>)[k])}`).join(', ');
    return `map[string]interface {}{${body}}`;
  }
  return String(v);
}

/** Byte-wise string order, as Go's `sort.Strings` and `<` on strings compare. */
export function compareGoStrings(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return Buffer.compare(ba, bb);
}

/**
 * The value part of a field error body (`ErrorBody`): strings quoted, numbers and booleans
 * plain, null as `null`, anything else in Go syntax.
 */
export function goBadValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoStringer) return v.text;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  return goSyntax(v);
}

/** A value with a Go `String()` method: ErrorBody prints its text unquoted (e.g. a `metav1.Time`). */
export class GoStringer {
  constructor(readonly text: string) {}
}
