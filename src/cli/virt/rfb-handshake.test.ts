import { describe, it, expect } from 'vitest';
import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';
import { rfbHandshake, securityTypeName } from './rfb-handshake.js';

/** A scripted server: each client frame gets the next answer. */
function scripted(greeting: Buffer, answers: Buffer[]): { ws: WebSocket; sent: Buffer[] } {
  const e = new EventEmitter();
  const sent: Buffer[] = [];
  const ws = Object.assign(e, {
    send: (d: Buffer) => {
      sent.push(d);
      const a = answers.shift();
      queueMicrotask(() => (a ? e.emit('message', a) : e.emit('close')));
    },
  }) as unknown as WebSocket;
  queueMicrotask(() => e.emit('message', greeting));
  return { ws, sent };
}

const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

describe('RFB handshake', () => {
  it('answers a 3.3 server with 3.3 and reads the server-chosen security type', async () => {
    const init = Buffer.concat([Buffer.from([2, 128, 1, 224, 16, 16, 0, 1, 0, 31, 0, 63, 0, 31, 11, 5, 0, 0, 0, 0]), u32(4), Buffer.from('qemu')]);
    const { ws, sent } = scripted(Buffer.from('RFB 003.003\n'), [u32(1), init]);
    const r = await rfbHandshake(ws);
    expect(sent.map((b) => b.toString('latin1'))).toEqual(['RFB 003.003\n', '\x01']);
    expect(r).toEqual({ version: 'RFB 003.003', securityTypes: [1], desktop: { width: 640, height: 480, bitsPerPixel: 16, depth: 16, name: 'qemu' } });
  });

  it('stops at VNC Authentication and reports a refusal with its reason', async () => {
    expect(await rfbHandshake(scripted(Buffer.from('RFB 003.008\n'), [Buffer.from([1, 2])]).ws)).toEqual({ version: 'RFB 003.008', securityTypes: [2] });
    const reason = Buffer.concat([Buffer.from([0]), u32(9), Buffer.from('too many!')]);
    expect(await rfbHandshake(scripted(Buffer.from('RFB 003.008\n'), [reason]).ws)).toEqual({ version: 'RFB 003.008', securityTypes: [], refused: 'too many!' });
    expect(securityTypeName(19)).toBe('VeNCrypt (19)');
  });

  it('rejects a server that does not speak RFB, and one that hangs up', async () => {
    await expect(rfbHandshake(scripted(Buffer.from('SSH-2.0-Open'), []).ws)).rejects.toThrow('did not send an RFB ProtocolVersion');
    await expect(rfbHandshake(scripted(Buffer.from('RFB 003.008\n'), []).ws)).rejects.toThrow('closed the connection during the handshake');
  });
});
