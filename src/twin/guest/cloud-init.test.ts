import { describe, it, expect } from 'vitest';
import { applyCloudInit, DEFAULT_USER } from './cloud-init.js';

describe('applyCloudInit()', () => {
  it('story test-linux-01: hostname, user marco with the SSH key, qemu-guest-agent', () => {
    const r = applyCloudInit('test-linux-01', '#cloud-config\nhostname: test-linux-01\nuser: marco\nssh_authorized_keys:\n  - ssh-ed25519 AAAA... marco@infra.bank.ch\npackages:\n  - qemu-guest-agent\nruncmd:\n  - systemctl enable --now qemu-guest-agent\n', undefined);
    expect(r.hostname).toBe('test-linux-01');
    expect(r.users).toEqual([{ name: 'marco', password: undefined, sshAuthorizedKeys: ['ssh-ed25519 AAAA... marco@infra.bank.ch'], sudo: true }]);
    expect(r.packages).toEqual(['qemu-guest-agent']);
    expect(r.runcmd).toBe(1);
  });

  it('fqdn and users list with plain-text password; network v2 addresses (story fragment 14)', () => {
    const r = applyCloudInit('vm', '#cloud-config\nfqdn: app-server-42.prod.bank.ch\nusers:\n  - name: ansible\n    sudo: ALL=(ALL) NOPASSWD:ALL\n    plain_text_passwd: s3cret\n', 'version: 2\nethernets:\n  eth0:\n    addresses: [10.200.1.42/24]\n');
    expect(r).toMatchObject({ hostname: 'app-server-42', fqdn: 'app-server-42.prod.bank.ch', addresses: ['10.200.1.42/24'] });
    expect(r.users).toEqual([{ name: 'ansible', password: 's3cret', sshAuthorizedKeys: [], sudo: true }]);
  });

  it('defaults: the local hostname and RHEL cloud images default user; chpasswd sets passwords', () => {
    const r = applyCloudInit('test-linux-02', '#cloud-config\npassword: redhat\nchpasswd: { expire: false }\n', undefined);
    expect(r.hostname).toBe('test-linux-02');
    expect(r.users).toEqual([{ name: DEFAULT_USER, password: 'redhat', sshAuthorizedKeys: [], sudo: true }]);
    const c = applyCloudInit('x', '#cloud-config\nusers: [default, {name: bob}]\nchpasswd:\n  list: |\n    bob:pw1\n', undefined);
    expect(c.users.find((u) => u.name === 'bob')?.password).toBe('pw1');
  });

  it('bad YAML is logged as cloud-init logs it and the defaults stay', () => {
    const r = applyCloudInit('vm1', '#cloud-config\nhostname: [oops\n', undefined);
    expect(r.hostname).toBe('vm1');
    expect(r.errors[0]).toMatch(/^Failed loading yaml blob/);
  });
});
