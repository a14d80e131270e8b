// A line buffer that formats report lines straight into bytes: a million mapping lines cost
// far less than building and re-encoding a million strings.

const encoder = new TextEncoder();

/** Buffers whole lines of text and integers as UTF-8 bytes, handing them on in large chunks. */
export class AsciiWriter {
  private buf: Uint8Array;
  private pos = 0;
  private readonly flushAt: number;

  constructor(private readonly emit: (bytes: Uint8Array) => void, size = 1 << 20) {
    this.buf = new Uint8Array(size);
    this.flushAt = size - 4096;
  }

  /** Appends text (any Unicode, encoded as UTF-8). */
  str(s: string): this {
    if (this.pos + s.length * 3 > this.buf.length) this.grow(s.length * 3);
    this.pos += encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
    return this;
  }

  /** Appends pre-encoded bytes. */
  bytes(b: Uint8Array): this {
    if (this.pos + b.length > this.buf.length) this.grow(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** Appends one ASCII character code. */
  char(c: number): this {
    if (this.pos >= this.buf.length) this.grow(1);
    this.buf[this.pos++] = c;
    return this;
  }

  /** Appends a 32-bit integer in decimal. */
  int(n: number): this {
    if (this.pos + 12 > this.buf.length) this.grow(12);
    const buf = this.buf;
    if (n < 0) {
      buf[this.pos++] = 45; // '-'
      n = -n;
    }
    let digits = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    do {
      const q = Math.floor(n / 10);
      buf[--p] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
    return this;
  }

  /** Ends a line; hands the buffer on when it is nearly full, so chunks hold whole lines. */
  endLine(): void {
    this.char(10);
    if (this.pos >= this.flushAt) this.flush();
  }

  /** Hands on everything buffered. */
  flush(): void {
    if (this.pos === 0) return;
    this.emit(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(this.buf.length);
    this.pos = 0;
  }

  private grow(extra: number): void {
    this.flush();
    if (extra > this.buf.length) this.buf = new Uint8Array(extra * 2);
  }
}
