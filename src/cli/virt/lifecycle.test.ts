import { describe, it, expect } from 'vitest';
import { StatusError } from '../../api/errors.js';
import { forcedGracePeriod, goError, parseGracePeriod, parseNodeSelector, pauseTarget } from './lifecycle.js';
import { splitAtEscape, connectedMessage } from './console.js';
import { formatGuestOsInfo } from './guest-os-info.js';
import { streamUrl, statusMessage } from './websocket-dial.js';
import { subresourcePath } from './subresource.js';

describe('virt argument parsing', () => {
  it('needs --force and --grace-period together, as virtctl stop/restart do', () => {
    expect(forcedGracePeriod({})).toBeUndefined();
    expect(forcedGracePeriod({ force: true, gracePeriod: '0' })).toBe(0);
    expect(() => forcedGracePeriod({ force: true })).toThrow('Must both use --force=true and set --grace-period.');
    expect(() => forcedGracePeriod({ gracePeriod: '30' })).toThrow('Must both use --force=true and set --grace-period.');
    expect(() => parseGracePeriod('soon')).toThrow('invalid argument "soon" for "--grace-period" flag');
  });

  it('parses --addedNodeSelector as key=value pairs', () => {
    expect(parseNodeSelector(undefined)).toBeUndefined();
    expect(parseNodeSelector('kubernetes.io/hostname=worker-4,rack=r2')).toEqual({ 'kubernetes.io/hostname': 'worker-4', rack: 'r2' });
    expect(() => parseNodeSelector('rack')).toThrow('rack must be formatted as key=value');
  });

  it('accepts vm and vmi in every spelling for pause, and nothing else', () => {
    for (const t of ['vm', 'VMs', 'virtualmachine', 'VirtualMachines']) expect(pauseTarget(t)).toBe('virtualmachines');
    for (const t of ['vmi', 'vmis', 'VirtualMachineInstance', 'virtualmachineinstances']) expect(pauseTarget(t)).toBe('virtualmachineinstances');
    expect(() => pauseTarget('pod')).toThrow("unsupported resource type 'pod'");
  });

  it('prints a server Status as its message, as Go %v does', () => {
    expect(goError(new StatusError('Conflict', 'Operation cannot be fulfilled on virtualmachine.kubevirt.io "x": VM is already running'))).toBe('Operation cannot be fulfilled on virtualmachine.kubevirt.io "x": VM is already running');
  });
});

describe('virt paths and streams', () => {
  it('builds KubeVirt subresource paths and websocket URLs', () => {
    expect(subresourcePath('virtualmachines', 'sandbox', 'test-linux-01', 'start')).toBe('/apis/subresources.kubevirt.io/v1/namespaces/sandbox/virtualmachines/test-linux-01/start');
    expect(streamUrl('https://api.example:6443', 'sandbox', 'vm1', 'console')).toBe('wss://api.example:6443/apis/subresources.kubevirt.io/v1/namespaces/sandbox/virtualmachineinstances/vm1/console');
    expect(streamUrl('http://127.0.0.1:8080/prefix/', 'ns', 'v', 'vnc')).toBe('ws://127.0.0.1:8080/prefix/apis/subresources.kubevirt.io/v1/namespaces/ns/virtualmachineinstances/v/vnc');
  });

  it('takes a refused upgrade\'s message from a JSON Status only', () => {
    expect(statusMessage('application/json', '{"kind":"Status","status":"Failure","message":"nope"}')).toBe('nope');
    expect(statusMessage('text/plain', '{"kind":"Status","message":"nope"}')).toBeUndefined();
    expect(statusMessage('application/json', 'not json')).toBeUndefined();
  });

  it('splits typed bytes at ^] and prints virtctl\'s connected line', () => {
    expect(splitAtEscape(Buffer.from('ls\r'))).toEqual({ send: Buffer.from('ls\r'), escaped: false });
    expect(splitAtEscape(Buffer.from([0x71, 0x1d, 0x72]))).toEqual({ send: Buffer.from('q'), escaped: true });
    expect(connectedMessage('test-linux-01')).toBe('Successfully connected to test-linux-01 console. The escape sequence is ^]\n');
  });

  it('prints guestosinfo with the os struct always present', () => {
    expect(formatGuestOsInfo({ hostname: 'h', extra: 1 })).toBe('{\n  "hostname": "h",\n  "os": {}\n}\n');
  });
});
