import { describe, it, expect } from 'vitest';
import { formFilePart, multipartBoundary } from './multipart-file.js';

async function* chunks(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const c of it) out.push(c);
  return Buffer.concat(out);
}

describe('formFilePart', () => {
  const file = Buffer.alloc(200_000);
  for (let i = 0; i < file.length; i++) file[i] = (i * 31) & 0xff;
  const form = Buffer.concat([
    Buffer.from('preamble\r\n--XyZ\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; name="file"; filename="disk.qcow2"\r\nContent-Type: application/octet-stream\r\n\r\n'),
    file,
    Buffer.from('\r\n--XyZ\r\nContent-Disposition: form-data; name="after"\r\n\r\nignored\r\n--XyZ--\r\n'),
  ]);

  it('reads the boundary of a form Content-Type', () => {
    expect(multipartBoundary('multipart/form-data; boundary=XyZ')).toBe('XyZ');
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/octet-stream')).toBeUndefined();
  });

  it('yields exactly the bytes of the part named file, for any chunking', async () => {
    for (const size of [2, 17, 4096, 1 << 20]) {
      const got = await collect(formFilePart(chunks(form, size), 'multipart/form-data; boundary=XyZ'));
      expect(got.equals(file)).toBe(true);
    }
  });

  it('fails an empty body, a form without a file part and a body that is not a form', async () => {
    await expect(collect(formFilePart(chunks(Buffer.alloc(0), 1), 'multipart/form-data; boundary=b'))).rejects.toThrow('multipart: NextPart: EOF');
    const noFile = Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n');
    await expect(collect(formFilePart(chunks(noFile, 5), 'multipart/form-data; boundary=b'))).rejects.toThrow('multipart: NextPart: EOF');
    await expect(collect(formFilePart(chunks(noFile, 5), 'application/octet-stream'))).rejects.toThrow("request Content-Type isn't multipart/form-data");
  });
});
