import { describe, it, expect } from 'vitest';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { BOOT_STARTED, guestConsole, guestOf } from './guest.js';

const userData = '#cloud-config\nhostname: test-linux-01\nuser: marco\npassword: changeme\nchpasswd: { expire: false }\nssh_authorized_keys:\n  - ssh-ed25519 AAAA... marco@infra.bank.ch\npackages:\n  - qemu-guest-agent\n';
const vmi = (over: Partial<Vmi['spec']> = {}, labels: Record<string, string> = { os: 'rhel9' }): Vmi => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance',
  metadata: { name: 'test-linux-01', namespace: 'sandbox', labels, annotations: { [BOOT_STARTED]: '2026-03-04T09:00:00.000Z' } },
  spec: { domain: { memory: { guest: '8Gi' }, firmware: { bootloader: { efi: {} } } }, volumes: [{ name: 'ci', cloudInitNoCloud: { userData } }], ...over },
});

describe('guestOf() and guestConsole()', () => {
  it('a RHEL 9.4 first boot: login prompt in 30-60 s, agent after the package install, banner with the hostname', () => {
    const g = guestOf(vmi(), () => undefined);
    expect(g.os.prettyName).toBe('Red Hat Enterprise Linux 9.4 (Plow)');
    expect(g.timeline.loginPrompt).toBeGreaterThanOrEqual(20);
    expect(g.timeline.loginPrompt).toBeLessThanOrEqual(60);
    expect(g.timeline.agentConnected!).toBeGreaterThan(g.timeline.loginPrompt!);
    const text = guestConsole(vmi(), g).map((l) => l.text).join('');
    expect(text).toContain('Red Hat Enterprise Linux 9.4 (Plow)\r\nKernel 5.14.0-427.el9.x86_64 on an x86_64\r\n\r\ntest-linux-01 login: ');
    expect(text).toContain('BdsDxe: loading Boot0001');
    expect(text).toContain('Authorized keys from /home/marco/.ssh/authorized_keys for user marco');
  });

  it('reads user data from a Secret and defaults the hostname to the VMI name', () => {
    const v = vmi({ volumes: [{ name: 'ci', cloudInitNoCloud: { userDataSecretRef: { name: 'ud' } } }] });
    v.metadata.name = 'db-7';
    const g = guestOf(v, (ns, name) => (ns === 'sandbox' && name === 'ud' ? { apiVersion: 'v1', kind: 'Secret', metadata: {}, data: { userdata: Buffer.from('#cloud-config\nuser: ops\npassword: x\n').toString('base64') } } : undefined));
    expect(g.hostname).toBe('db-7');
    expect(g.cloudInit?.users[0]).toMatchObject({ name: 'ops', password: 'x' });
    expect(g.timeline.agentConnected).toBeUndefined();
  });

  it('Windows (Hyper-V features) goes to Setup, with no Linux console', () => {
    const g = guestOf(vmi({ domain: { memory: { guest: '8Gi' }, features: { hyperv: { relaxed: {} } }, firmware: { bootloader: { efi: { secureBoot: false } } } }, volumes: [] }, {}), () => undefined);
    expect(g.os.family).toBe('windows');
    expect(g.timeline.windowsSetup).toBeGreaterThan(45);
    expect(g.timeline.loginPrompt).toBeUndefined();
  });
});
