/**
 * String formats kube 1.32 validates in CRD schemas (`apiextensions-apiserver/pkg/apiserver/validation/formats.go`
 * lists them; `k8s-short-name`/`k8s-long-name` arrive in 1.34; the checks follow
 * `kube-openapi/pkg/validation/strfmt/default.go`). Format names are normalized by removing
 * dashes (`date-time` = `datetime`); other formats are stripped by kube, so not checked.
 */
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
// strfmt IsDateTime: lower-case, split at 't', a full-date, then rxDateTime on the time.
const TIME_PART = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOSTNAME = /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const MAC = /^([0-9a-fA-F]{2}[:-]){5}([0-9a-fA-F]{2})$|^([0-9a-fA-F]{2}[:-]){7}([0-9a-fA-F]{2})$|^([0-9a-fA-F]{2}[:-]){19}([0-9a-fA-F]{2})$|^([0-9a-fA-F]{4}\.){2}([0-9a-fA-F]{4})$/;
const DURATION = /^((\d+(\.\d+)?)(ns|us|µs|μs|ms|s|m|h|d|w))+$/;
const SCALA_DURATION = /^(\d+)\s*(ns|nano|nanos|nanosecond|nanoseconds|us|micro|micros|microsecond|microseconds|ms|milli|millis|millisecond|milliseconds|s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|wk|wks|week|weeks)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEXCOLOR = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const RGBCOLOR = /^rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\)$/;
const SSN = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const CREDIT_CARD = /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|(222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)[0-9]{12}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11}|6[27][0-9]{14})$/;

function validDate(y: string, m: string, d: string): boolean {
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const days = new Date(Date.UTC(Number(y), mm, 0)).getUTCDate();
  return dd <= days;
}

// net.ParseIP (Go >= 1.17 rejects leading zeros).
function ipv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

// Luhn checksum (govalidator IsCreditCard).
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// govalidator IsISBN: hyphens and spaces ignored, then the ISBN-10 or ISBN-13 checksum.
function isbn(s: string, version: 10 | 13 | 0): boolean {
  const v = s.replace(/[\s-]/g, '');
  if (version !== 13 && /^(?:[0-9]{9}X|[0-9]{10})$/.test(v)) {
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += (i + 1) * Number(v[i]);
    sum += v[9] === 'X' ? 100 : 10 * Number(v[9]);
    return sum % 11 === 0;
  }
  if (version !== 10 && /^[0-9]{13}$/.test(v)) {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(v[i]) * (i % 2 === 0 ? 1 : 3);
    return (10 - (sum % 10)) % 10 === Number(v[12]);
  }
  return false;
}

function ipv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false;
  const dbl = s.split('::');
  if (dbl.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const all = [...groups(dbl[0]), ...(dbl.length === 2 ? groups(dbl[1]) : [])];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.includes('.')) {
      if (!ipv4(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count += 1;
    else return false;
  }
  return dbl.length === 2 ? count < 8 : count === 8;
}

const CHECKS: Record<string, (s: string) => boolean> = {
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID3.test(s),
  uuid4: (s) => UUID4.test(s),
  uuid5: (s) => UUID5.test(s),
  datetime: (s) => {
    if (s.length < 4) return false;
    const parts = s.toLowerCase().split('t');
    const d = parts.length >= 2 ? DATE.exec(parts[0]) : null;
    const m = d && validDate(d[1], d[2], d[3]) ? TIME_PART.exec(parts[1]) : null;
    return !!m && m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
  },
  date: (s) => {
    const m = DATE.exec(s);
    return !!m && validDate(m[1], m[2], m[3]);
  },
  // base64.StdEncoding.DecodeString skips \r and \n.
  byte: (s) => BASE64.test(s.replace(/[\r\n]/g, '')),
  ipv4,
  ipv6,
  cidr: (s) => {
    const [ip, bits, extra] = s.split('/');
    if (extra !== undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
    return ipv4(ip) ? Number(bits) <= 32 : ipv6(ip) && Number(bits) <= 128;
  },
  mac: (s) => MAC.test(s),
  hostname: (s) => s.length <= 255 && HOSTNAME.test(s),
  email: (s) => EMAIL.test(s),
  uri: (s) => /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s) || s.startsWith('/'),
  duration: (s) => DURATION.test(s) || SCALA_DURATION.test(s),
  hexcolor: (s) => HEXCOLOR.test(s),
  rgbcolor: (s) => RGBCOLOR.test(s),
  password: () => true,
  bsonobjectid: (s) => /^[0-9a-fA-F]{24}$/.test(s),
  ssn: (s) => SSN.test(s),
  creditcard: (s) => {
    const digits = s.replace(/[^0-9]/g, '');
    return CREDIT_CARD.test(digits) && luhn(digits);
  },
  isbn: (s) => isbn(s, 0),
  isbn10: (s) => isbn(s, 10),
  isbn13: (s) => isbn(s, 13),
};

/** The check for a format, or undefined when kube does not validate it. */
export function formatCheck(format: string): ((s: string) => boolean) | undefined {
  return CHECKS[format.replace(/-/g, '').toLowerCase()];
}
