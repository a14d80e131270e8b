import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import https from 'node:https';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ensurePki } from '../../cmd/pki.js';
import { Client } from '../../client/client.js';
import { HttpTransport } from '../../client/http-transport.js';
import type { CliIo } from '../kube/cli-io.js';
import { attachConsole } from './console.js';
import { guestOsInfo } from './guest-os-info.js';
import { migrateVm, pauseOrUnpause, restartVm, startVm, stopVm } from './lifecycle.js';
import { collectSshInfo } from './ssh-info.js';
import { probeVnc, proxyVnc } from './vnc.js';
import { dialStream, dialWhenRunning } from './websocket-dial.js';

const TOKEN = 'secret-token';
const P = '/apis/subresources.kubevirt.io/v1/namespaces/sandbox';
const status = (code: number, reason: string, message: string) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
const conflict = (msg: string) => [409, status(409, 'Conflict', `Operation cannot be fulfilled on virtualmachine.kubevirt.io "test-linux-01": ${msg}`)] as const;

/** A stand-in for virt-api: canned answers per "METHOD path", a log of requests, console and vnc websockets. */
class FakeVirtApi {
  readonly requests: { method: string; path: string; body: string; auth?: string }[] = [];
  readonly routes = new Map<string, readonly [number, unknown]>();
  consoleRefusals = 0;
  consoleClosed = false;
  readonly consoleInput: string[] = [];
  server!: https.Server;
  url = '';
  ca = '';
  private wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => (p.has('plain.kubevirt.io') ? 'plain.kubevirt.io' : false) });

  async start(dir: string): Promise<void> {
    const pki = ensurePki(dir, ['127.0.0.1']);
    this.ca = pki.caCert;
    this.server = https.createServer({ key: pki.serverKey, cert: pki.serverCert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({ method: req.method!, path: req.url!, body: Buffer.concat(chunks).toString(), auth: req.headers.authorization });
        const [code, body] = this.routes.get(`${req.method} ${req.url}`) ?? [404, status(404, 'NotFound', 'the server could not find the requested resource')];
        res.writeHead(code, { 'Content-Type': 'application/json' });
        res.end(body === '' ? '' : JSON.stringify(body));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      const reject = (code: number, s: object) => socket.end(`HTTP/1.1 ${code} X\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify(s)}`);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return reject(401, status(401, 'Unauthorized', 'Unauthorized'));
      if (req.url === `${P}/virtualmachineinstances/test-linux-01/console`) {
        if (this.consoleRefusals > 0) {
          this.consoleRefusals--;
          return reject(400, status(400, 'BadRequest', 'Unable to connect to VirtualMachineInstance because phase is Scheduling instead of Running'));
        }
        return this.wss.handleUpgrade(req, socket, head, (ws) => this.console(ws));
      }
      if (req.url === `${P}/virtualmachineinstances/test-win-01/vnc`) return this.wss.handleUpgrade(req, socket, head, (ws) => this.vnc(ws));
      reject(404, status(404, 'NotFound', `virtualmachineinstances.kubevirt.io "${req.url!.split('/').at(-2)}" not found`));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `https://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  private console(ws: WebSocket): void {
    ws.send(Buffer.from('\r\ntest-linux-01 login: '));
    ws.on('message', (d: Buffer) => {
      this.consoleInput.push(d.toString());
      ws.send(d); // the getty echoes
    });
    ws.on('close', () => (this.consoleClosed = true));
  }

  private vnc(ws: WebSocket): void {
    let stage = 0;
    ws.send(Buffer.from('RFB 003.008\n'));
    ws.on('message', () => {
      stage++;
      if (stage === 1) ws.send(Buffer.from([1, 1]));
      else if (stage === 2) ws.send(Buffer.from([0, 0, 0, 0]));
      else if (stage === 3) {
        const init = Buffer.alloc(24 + 11);
        init.writeUInt16BE(1280, 0);
        init.writeUInt16BE(800, 2);
        init[4] = 32;
        init[5] = 24;
        init.writeUInt32BE(11, 20);
        init.write('test-win-01', 24);
        ws.send(init);
      }
    });
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

function bufferIo(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
}

describe('ove virt against a fake virt-api over HTTPS', () => {
  const api = new FakeVirtApi();
  let dir: string;
  let client: Client;
  let http: HttpTransport;
  const access = () => ({ server: api.url, token: TOKEN, ca: api.ca, insecureSkipTlsVerify: false });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-virt-'));
    await api.start(dir);
    http = new HttpTransport({ server: api.url, token: TOKEN, ca: api.ca });
    client = new Client(http);
  }, 30_000);

  afterAll(async () => {
    http?.close();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('start, stop, restart and migrate PUT the real paths with virtctl bodies and print virtctl lines', async () => {
    for (const sub of ['start', 'stop', 'restart', 'migrate']) api.routes.set(`PUT ${P}/virtualmachines/test-linux-01/${sub}`, [202, '']);
    const io = bufferIo();
    await startVm(client, io, 'sandbox', 'test-linux-01', {});
    await stopVm(client, io, 'sandbox', 'test-linux-01', { force: true, gracePeriod: '0' });
    await restartVm(client, io, 'sandbox', 'test-linux-01', { dryRun: true });
    await migrateVm(client, io, 'sandbox', 'test-linux-01', { addedNodeSelector: 'rack=r1,zone=a' });
    expect(io.stdout).toBe(['VM test-linux-01 was scheduled to start', 'VM test-linux-01 was scheduled to stop', 'Dry Run execution', 'VM test-linux-01 was scheduled to restart', 'VM test-linux-01 was scheduled to migrate', ''].join('\n'));
    expect(api.requests.slice(-4).map((r) => [r.method, r.path.split('/').at(-1), JSON.parse(r.body), r.auth])).toEqual([
      ['PUT', 'start', {}, `Bearer ${TOKEN}`],
      ['PUT', 'stop', { gracePeriod: 0 }, `Bearer ${TOKEN}`],
      ['PUT', 'restart', { dryRun: ['All'] }, `Bearer ${TOKEN}`],
      ['PUT', 'migrate', { addedNodeSelector: { rack: 'r1', zone: 'a' } }, `Bearer ${TOKEN}`],
    ]);
  });

  it('words refusals as virtctl does', async () => {
    api.routes.set(`PUT ${P}/virtualmachines/test-linux-01/start`, conflict('VM is already running'));
    await expect(startVm(client, bufferIo(), 'sandbox', 'test-linux-01', {})).rejects.toThrow('Error starting VirtualMachine Operation cannot be fulfilled on virtualmachine.kubevirt.io "test-linux-01": VM is already running');
    api.routes.set(`PUT ${P}/virtualmachines/test-linux-01/stop`, conflict('Halted does not support manual stop requests'));
    await expect(stopVm(client, bufferIo(), 'sandbox', 'test-linux-01', {})).rejects.toThrow('error stopping VirtualMachine Operation cannot be fulfilled on virtualmachine.kubevirt.io "test-linux-01": Halted does not support manual stop requests');
    await expect(startVm(client, bufferIo(), 'sandbox', 'nope', {})).rejects.toThrow('Error starting VirtualMachine the server could not find the requested resource');
  });

  it('pause vm reads the VM first and explains a missing VMI; pause vmi and unpause print VMI lines', async () => {
    api.routes.set(`GET /apis/kubevirt.io/v1/namespaces/sandbox/virtualmachines/test-linux-01`, [200, { spec: { running: false } }]);
    await expect(pauseOrUnpause(client, bufferIo(), 'sandbox', 'vm', 'test-linux-01', true)).rejects.toThrow('Error pausing VirtualMachineInstance test-linux-01. VirtualMachine test-linux-01 is not set to run');
    await expect(pauseOrUnpause(client, bufferIo(), 'sandbox', 'VM', 'ghost', true)).rejects.toThrow('Error getting VirtualMachine ghost: the server could not find the requested resource');
    api.routes.set(`PUT ${P}/virtualmachineinstances/test-linux-01/pause`, [202, '']);
    api.routes.set(`PUT ${P}/virtualmachineinstances/test-linux-01/unpause`, [409, status(409, 'Conflict', 'Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "test-linux-01": VMI is not paused')]);
    const io = bufferIo();
    await pauseOrUnpause(client, io, 'sandbox', 'vmi', 'test-linux-01', true);
    expect(io.stdout).toBe('VMI test-linux-01 was scheduled to pause\n');
    await expect(pauseOrUnpause(client, io, 'sandbox', 'vmi', 'test-linux-01', false)).rejects.toThrow('Error unpausing VirtualMachineInstance test-linux-01: Operation cannot be fulfilled on virtualmachineinstance.kubevirt.io "test-linux-01": VMI is not paused');
  });

  it('guestosinfo prints the agent answer in KubeVirt field order, empty fields left out', async () => {
    api.routes.set(`GET ${P}/virtualmachineinstances/test-linux-01/guestosinfo`, [200, { os: { prettyName: 'Red Hat Enterprise Linux 9.4 (Plow)', name: 'Red Hat Enterprise Linux' }, hostname: 'test-linux-01', guestAgentVersion: '7.2.0', supportedCommands: [], fsFreezeStatus: 'thawed', timezone: 'UTC, 0' }]);
    const io = bufferIo();
    await guestOsInfo(client, io, 'sandbox', 'test-linux-01');
    expect(JSON.parse(io.stdout)).toEqual({ guestAgentVersion: '7.2.0', hostname: 'test-linux-01', os: { name: 'Red Hat Enterprise Linux', prettyName: 'Red Hat Enterprise Linux 9.4 (Plow)' }, timezone: 'UTC, 0', fsFreezeStatus: 'thawed' });
    expect(io.stdout.split('\n')[1]).toBe('  "guestAgentVersion": "7.2.0",');
    await expect(guestOsInfo(client, io, 'sandbox', 'off')).rejects.toThrow('Error getting guestosinfo of VirtualMachineInstance off, the server could not find the requested resource');
  });

  it('ssh-info finds the pod IP, the port-22 service selecting the VMI and the cloud-init user', async () => {
    api.routes.set(`GET /apis/kubevirt.io/v1/namespaces/sandbox/virtualmachineinstances/test-linux-01`, [200, { metadata: { name: 'test-linux-01', labels: { 'kubevirt.io/vm': 'test-linux-01' } }, spec: { volumes: [{ cloudInitNoCloud: { userData: '#cloud-config\nuser: marco\n' } }] }, status: { phase: 'Running', nodeName: 'worker-3', interfaces: [{ ipAddress: '10.128.2.47' }] } }]);
    api.routes.set(`GET /api/v1/namespaces/sandbox/services`, [200, { items: [
      { metadata: { name: 'test-linux-01-ssh' }, spec: { type: 'NodePort', selector: { 'kubevirt.io/vm': 'test-linux-01' }, clusterIP: '172.30.4.5', ports: [{ port: 22, nodePort: 30022 }] } },
      { metadata: { name: 'web' }, spec: { selector: { 'kubevirt.io/vm': 'test-linux-01' }, clusterIP: '172.30.4.6', ports: [{ port: 80 }] } },
    ] }]);
    const info = await collectSshInfo(client, 'sandbox', 'test-linux-01');
    expect(info).toMatchObject({ podIp: '10.128.2.47', node: 'worker-3', users: ['marco'], services: [{ name: 'test-linux-01-ssh', type: 'NodePort', nodePort: 30022, port: 22 }] });
  });

  it('console: retries while virt-api answers 400, prints the connected line, forwards bytes, and ^] leaves', async () => {
    api.consoleRefusals = 2;
    const ws = await dialWhenRunning(access(), 'sandbox', 'test-linux-01', 'console', 5_000, 20);
    expect(api.consoleRefusals).toBe(0);
    expect(ws.protocol).toBe('plain.kubevirt.io');
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    const io = bufferIo();
    const session = attachConsole(ws, 'test-linux-01', { input, output, err: io.err });
    expect(io.stderr).toBe('Successfully connected to test-linux-01 console. The escape sequence is ^]\n');
    await until(() => shown.includes('login: '), 'login prompt');
    input.write('marco\r');
    await until(() => shown.endsWith('marco\r'), 'echo');
    input.write(Buffer.from([0x61, 0x1d, 0x62]));
    await session;
    await until(() => api.consoleClosed, 'server sees the close');
    expect(api.consoleInput).toEqual(['marco\r', 'a']);
  });

  it('console and vnc: a missing VMI fails with the Status message; a timeout says so', async () => {
    await expect(dialStream(access(), 'sandbox', 'ghost', 'console')).rejects.toThrow(/^virtualmachineinstances.kubevirt.io "ghost" not found$/);
    await expect(dialStream({ ...access(), token: 'wrong' }, 'sandbox', 'test-linux-01', 'console')).rejects.toMatchObject({ statusCode: 401, message: 'Unauthorized' });
    api.consoleRefusals = 1000;
    await expect(dialWhenRunning(access(), 'sandbox', 'test-linux-01', 'console', 50, 20)).rejects.toThrow('Timeout trying to connect to the virtual machine instance');
    api.consoleRefusals = 0;
  });

  it('vnc reports the RFB version, security types and desktop', async () => {
    const io = bufferIo();
    await probeVnc(await dialStream(access(), 'sandbox', 'test-win-01', 'vnc'), 'test-win-01', io);
    expect(io.stdout).toContain('Connected to the VNC server of test-win-01: RFB 003.008\nSecurity types offered: None (1)\nDesktop "test-win-01": 1280x800, 32 bits per pixel, depth 24\n');
  });

  it('vnc --proxy-only prints {"port":N} and forwards one viewer to the stream', async () => {
    const io = bufferIo();
    const ws = await dialStream(access(), 'sandbox', 'test-win-01', 'vnc');
    let port = 0;
    const done = proxyVnc(ws, { address: '127.0.0.1', port: 0 }, io, (p) => (port = p));
    await until(() => port > 0, 'listening');
    expect(io.stdout).toBe(`{"port":${port}}\n`);
    const viewer = net.connect(port, '127.0.0.1');
    let got = Buffer.alloc(0);
    viewer.on('data', (d: Buffer) => (got = Buffer.concat([got, d])));
    await until(() => got.length >= 12, 'server version');
    expect(got.subarray(0, 12).toString()).toBe('RFB 003.008\n');
    viewer.write('RFB 003.008\n');
    await until(() => got.length >= 14, 'security types');
    expect([...got.subarray(12, 14)]).toEqual([1, 1]);
    viewer.end();
    await done;
  });
});
