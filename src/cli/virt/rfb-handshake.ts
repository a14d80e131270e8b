/**
 * The opening of an RFB (VNC) session, client side, as RFC 6143 §7.1–7.3 lays it out:
 * ProtocolVersion, security types, SecurityResult, ClientInit and ServerInit. Used to
 * tell what a VMI's VNC server offers without a viewer.
 */
import type WebSocket from 'ws';

/** What the server offered and, when it let us in, its desktop. */
export interface RfbReport {
  version: string;
  securityTypes: number[];
  /** Why the server refused (no security types, or a failed SecurityResult). */
  refused?: string;
  desktop?: { width: number; height: number; bitsPerPixel: number; depth: number; name: string };
}

// RFC 6143 §7.1.2 and the IANA "RFB Security Types" registry.
const SECURITY_NAMES: Record<number, string> = { 0: 'Invalid', 1: 'None', 2: 'VNC Authentication', 5: 'RA2', 6: 'RA2ne', 16: 'Tight', 17: 'Ultra', 18: 'TLS', 19: 'VeNCrypt', 20: 'GTK-VNC SASL', 21: 'MD5 hash authentication', 22: 'Colin Dean xvp' };

/** `None (1)`, `VNC Authentication (2)`, ... */
export function securityTypeName(t: number): string {
  return `${SECURITY_NAMES[t] ?? 'Unknown'} (${t})`;
}

/** Reads exact byte counts from a websocket's binary frames. */
class FrameReader {
  private buf = Buffer.alloc(0);
  private wake?: () => void;
  private closed = false;

  constructor(ws: WebSocket) {
    ws.on('message', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.wake?.();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  async read(n: number): Promise<Buffer> {
    while (this.buf.length < n) {
      if (this.closed) throw new Error('the VNC server closed the connection during the handshake');
      await new Promise<void>((r) => (this.wake = r));
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
}

/** Runs the handshake as far as security type None allows, then closes nothing (the caller does). */
export async function rfbHandshake(ws: WebSocket): Promise<RfbReport> {
  const r = new FrameReader(ws);
  const version = (await r.read(12)).toString('latin1');
  const m = /^RFB (\d{3})\.(\d{3})\n$/.exec(version);
  if (!m) throw new Error(`the server did not send an RFB ProtocolVersion (got ${JSON.stringify(version)})`);
  // Answer with the highest version both sides speak (3.8 is the newest RFC 6143 defines).
  const minor = Number(m[1]) > 3 ? 8 : Math.min(Number(m[2]), 8);
  const ours = minor >= 8 ? 'RFB 003.008\n' : minor === 7 ? 'RFB 003.007\n' : 'RFB 003.003\n';
  ws.send(Buffer.from(ours, 'latin1'));
  const report: RfbReport = { version: version.trim(), securityTypes: [] };
  const reason = async () => (await r.read((await r.read(4)).readUInt32BE(0))).toString('utf8');
  if (ours === 'RFB 003.003\n') {
    const t = (await r.read(4)).readUInt32BE(0);
    if (t === 0) return { ...report, refused: await reason() };
    report.securityTypes = [t];
    if (t !== 1) return report;
  } else {
    const n = (await r.read(1))[0];
    if (n === 0) return { ...report, refused: await reason() };
    report.securityTypes = [...(await r.read(n))];
    if (!report.securityTypes.includes(1)) return report;
    ws.send(Buffer.from([1]));
  }
  // Only 3.8 sends a SecurityResult after None (RFC 6143 §7.1.3).
  if (ours === 'RFB 003.008\n') {
    const result = (await r.read(4)).readUInt32BE(0);
    if (result !== 0) return { ...report, refused: await reason() };
  }
  ws.send(Buffer.from([1])); // ClientInit: shared session, leave other viewers connected.
  const init = await r.read(24);
  const name = (await r.read(init.readUInt32BE(20))).toString('utf8');
  report.desktop = { width: init.readUInt16BE(0), height: init.readUInt16BE(2), bitsPerPixel: init[4], depth: init[5], name };
  return report;
}
