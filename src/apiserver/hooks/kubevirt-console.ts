/**
 * GET virtualmachineinstances/NAME/{console,vnc} upgraded to a websocket with the
 * `plain.kubevirt.io` subprotocol (binary frames of raw bytes), as virtctl speaks it.
 * The console replays the guest's serial output so far, streams what follows as the
 * modelled boot produces it (on the server's clock), and feeds typed bytes to the
 * getty. VNC answers the RFB 3.8 handshake (no security, ServerInit) and sends no
 * framebuffer: drawing the installer's screen is out of scope.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { badRequest } from '../../api/errors.js';
import type { Client } from '../../client/client.js';
import type { Timer } from '../../lib/clock.js';
import type { ServerDeps } from '../server.js';
import type { UpgradeHook, UpgradeRequest } from '../upgrade.js';
import type { GuestModel } from './kubevirt-guest-model.js';
import { loadVmi, secretsOf } from './kubevirt-vmi-actions.js';

/** virtctl's websocket subprotocol. */
export const PLAIN_PROTOCOL = 'plain.kubevirt.io';

const wss = new WebSocketServer({ noServer: true, clientTracking: false, handleProtocols: (p) => (p.has(PLAIN_PROTOCOL) ? PLAIN_PROTOCOL : false) });

async function runningVmi(client: Client, r: UpgradeRequest) {
  const vmi = await loadVmi(client, r.info.namespace!, r.info.name!);
  const phase = (vmi.status as { phase?: string } | undefined)?.phase ?? '';
  if (phase !== 'Running') throw badRequest(`Unable to connect to VirtualMachineInstance because phase is ${phase} instead of Running`);
  return vmi;
}

function accept(http: IncomingMessage, socket: Duplex, head: Buffer): Promise<WebSocket> {
  return new Promise((resolve) => wss.handleUpgrade(http, socket, head, resolve));
}

/** The serial console hook. */
export function consoleHook(client: () => Client, guests: GuestModel): UpgradeHook {
  return async (d: ServerDeps, r, http, socket, head) => {
    const vmi = await runningVmi(client(), r);
    const stream = guests.console(vmi, await secretsOf(client(), vmi), d.clock.now());
    const ws = await accept(http, socket, head);
    const timers: Timer[] = [];
    const send = (s: string) => ws.readyState === ws.OPEN && s && ws.send(Buffer.from(s, 'utf8'));
    send(stream.backlog);
    for (const u of stream.upcoming) timers.push(d.clock.setTimer(u.inMs, () => send(u.text)));
    const readsAt = d.clock.now() + stream.readsInputInMs;
    ws.on('message', (data: Buffer) => {
      // Before the getty runs, keystrokes go nowhere (the kernel does not echo on ttyS0).
      if (d.clock.now() >= readsAt) send(stream.input(data.toString('utf8'), d.clock.now()));
    });
    ws.on('close', () => timers.forEach((t) => d.clock.clearTimer(t)));
  };
}

/** The VNC hook: RFB 3.8 handshake only. */
export function vncHook(client: () => Client): UpgradeHook {
  return async (_d, r, http, socket, head) => {
    const vmi = await runningVmi(client(), r);
    const ws = await accept(http, socket, head);
    let stage: 'version' | 'security' | 'init' | 'done' = 'version';
    ws.send(Buffer.from('RFB 003.008\n'));
    ws.on('message', (data: Buffer) => {
      if (stage === 'version') {
        ws.send(Buffer.from([1, 1])); // one security type: None
        stage = 'security';
      } else if (stage === 'security') {
        ws.send(Buffer.from([0, 0, 0, 0])); // SecurityResult OK
        stage = 'init';
      } else if (stage === 'init') {
        const name = Buffer.from(vmi.metadata.name!, 'utf8');
        const init = Buffer.alloc(24 + name.length);
        init.writeUInt16BE(1280, 0);
        init.writeUInt16BE(800, 2);
        // Pixel format: 32 bpp, depth 24, little endian, true colour, 255/255/255, shifts 16/8/0.
        Buffer.from([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0]).copy(init, 4);
        init.writeUInt32BE(name.length, 20);
        name.copy(init, 24);
        ws.send(init);
        stage = 'done';
      }
    });
  };
}
