/**
 * The `file` part of a multipart/form-data body, streamed (RFC 7578; the delimiter is
 * CRLF "--" boundary, RFC 2046 §5.1.1), as CDI's upload server takes `upload-form`
 * requests: parts before the one named `file` are skipped, and the data after it is
 * not read into the image. Holds at most one chunk plus a delimiter in memory.
 */
import { UploadFailure } from './image-sink.js';

/** The boundary of a multipart Content-Type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  const m = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '');
  return m ? m[1] ?? m[2] : undefined;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/** Yields the bytes of the part named `file`; the rest of the body is read and dropped. */
export async function* formFilePart(body: AsyncIterable<Buffer>, contentType: string | undefined): AsyncGenerator<Buffer> {
  const boundary = multipartBoundary(contentType);
  if (!boundary) throw new UploadFailure(400, 'request Content-Type isn\'t multipart/form-data');
  // A leading CRLF lets the first delimiter match like the others.
  const delim = Buffer.from(`\r\n--${boundary}`);
  let buf: Buffer = Buffer.from('\r\n');
  let state: 'preamble' | 'headers' | 'data' | 'skip' | 'done' = 'preamble';
  let found = false;
  for await (const chunk of body) {
    if (state === 'done') continue;
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (state === 'preamble' || state === 'skip' || state === 'data') {
        const at = buf.indexOf(delim);
        const keep = at >= 0 ? at : Math.max(0, buf.length - delim.length + 1);
        if (state === 'data' && keep > 0) yield buf.subarray(0, keep);
        if (at < 0) {
          buf = buf.subarray(keep);
          break;
        }
        if (state === 'data') {
          state = 'done';
          break;
        }
        buf = buf.subarray(at + delim.length);
        state = 'headers';
      }
      if (state === 'headers') {
        const end = buf.indexOf(CRLF2);
        if (buf.length >= 2 && buf.subarray(0, 2).toString() === '--') {
          state = 'done';
          break;
        }
        if (end < 0) break;
        const headers = buf.subarray(0, end).toString('latin1');
        buf = buf.subarray(end + 4);
        const isFile = /content-disposition:[^\r\n]*;\s*name="?file"?(;|\s|\r|$)/i.test(headers);
        found ||= isFile;
        state = isFile ? 'data' : 'skip';
        continue;
      }
      break;
    }
  }
  if (!found) throw new UploadFailure(400, 'multipart: NextPart: EOF');
}
