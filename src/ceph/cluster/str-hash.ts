// ceph_str_hash_rjenkins (ceph/ceph src/common/ceph_hash.cc): Bob Jenkins' lookup2 string hash
// with the golden-ratio seed, which maps an object name to its placement seed.

/** The 32-bit rjenkins hash of a string's UTF-8 bytes, as Ceph places objects. */
export function strHashRjenkins(name: string): number {
  const k = Buffer.from(name, 'utf8');
  const length = k.length;
  let a = 0x9e3779b9 | 0;
  let b = a;
  let c = 0;
  let p = 0;
  let len = length;
  const word = (i: number): number => (k[i]! | (k[i + 1]! << 8) | (k[i + 2]! << 16) | (k[i + 3]! << 24)) | 0;
  const mix = (): void => {
    a = (a - b - c) ^ (c >>> 13); b = (b - c - a) ^ (a << 8); c = (c - a - b) ^ (b >>> 13);
    a = (a - b - c) ^ (c >>> 12); b = (b - c - a) ^ (a << 16); c = (c - a - b) ^ (b >>> 5);
    a = (a - b - c) ^ (c >>> 3); b = (b - c - a) ^ (a << 10); c = (c - a - b) ^ (b >>> 15);
  };
  while (len >= 12) {
    a = (a + word(p)) | 0;
    b = (b + word(p + 4)) | 0;
    c = (c + word(p + 8)) | 0;
    mix();
    p += 12;
    len -= 12;
  }
  c = (c + length) | 0;
  // The tail: bytes 8..10 go to c above its lowest byte (which holds the length), 4..7 to b, 0..3 to a.
  const shifts = [0, 8, 16, 24];
  for (let i = len - 1; i >= 0; i--) {
    const byte = k[p + i]!;
    if (i >= 8) c = (c + (byte << shifts[i - 7]!)) | 0;
    else if (i >= 4) b = (b + (byte << shifts[i - 4]!)) | 0;
    else a = (a + (byte << shifts[i]!)) | 0;
  }
  mix();
  return c >>> 0;
}
