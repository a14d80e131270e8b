/**
 * `ove virt vnc VMI`: without a viewer to launch, connects to the VMI's VNC stream and
 * reports what its RFB server offers; with `--proxy-only` it does what virtctl's
 * `vnc --proxy-only` does (`pkg/virtctl/vnc/vnc.go`): listen on a local port, print it as
 * `{"port":N}` (Go's json.Marshal), and forward one viewer's connection to the stream.
 */
import net from 'node:net';
import type WebSocket from 'ws';
import type { CliIo } from '../kube/cli-io.js';
import { rfbHandshake, securityTypeName, type RfbReport } from './rfb-handshake.js';

/** Where the proxy listens (virtctl's `--address`, default 127.0.0.1, and `--port`, 0 = any). */
export interface ProxyOptions {
  address: string;
  port: number;
}

/** The report printed after a handshake. */
export function formatRfbReport(name: string, r: RfbReport): string {
  const lines = [`Connected to the VNC server of ${name}: ${r.version}`, `Security types offered: ${r.securityTypes.map(securityTypeName).join(', ') || 'none'}`];
  if (r.refused !== undefined) lines.push(`The server refused the session: ${r.refused}`);
  if (r.desktop) lines.push(`Desktop "${r.desktop.name}": ${r.desktop.width}x${r.desktop.height}, ${r.desktop.bitsPerPixel} bits per pixel, depth ${r.desktop.depth}`);
  else if (!r.refused) lines.push('ove stopped at the security handshake: it only proceeds with security type None.');
  lines.push(`ove does not launch a VNC viewer: run "ove virt vnc ${name} --proxy-only" and point a viewer at the port it prints.`);
  return `${lines.join('\n')}\n`;
}

/** Handshakes, prints the report and closes the stream. */
export async function probeVnc(ws: WebSocket, name: string, io: CliIo): Promise<void> {
  try {
    io.out(formatRfbReport(name, await rfbHandshake(ws)));
  } finally {
    ws.close(1000);
  }
}

/**
 * Listens, prints the port, accepts one connection and forwards bytes both ways until
 * either side closes. Bytes the server sends before the viewer connects are held.
 * `onListening` receives the bound port (tests connect to it).
 */
export function proxyVnc(ws: WebSocket, opts: ProxyOptions, io: CliIo, onListening?: (port: number) => void): Promise<void> {
  const held: Buffer[] = [];
  let peer: net.Socket | undefined;
  ws.on('message', (d: Buffer) => (peer ? peer.write(d) : held.push(d)));
  return new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      server.close();
      peer?.destroy();
      if (ws.readyState === ws.OPEN) ws.close(1000);
      if (err) reject(err);
      else resolve();
    };
    ws.once('close', () => finish());
    ws.on('error', (err) => finish(new Error(`Error encountered: ${err.message}`)));
    server.once('error', (err) => finish(new Error(`Can't listen on ${opts.address}:${opts.port}: ${err.message}`)));
    server.once('connection', (socket) => {
      // virtctl serves a single viewer: stop listening once it is in.
      server.close();
      peer = socket;
      for (const d of held.splice(0)) socket.write(d);
      socket.on('data', (d: Buffer) => ws.readyState === ws.OPEN && ws.send(d));
      socket.once('close', () => finish());
      socket.on('error', () => finish());
    });
    server.listen(opts.port, opts.address, () => {
      const port = (server.address() as net.AddressInfo).port;
      io.out(`${JSON.stringify({ port })}\n`);
      onListening?.(port);
    });
  });
}
