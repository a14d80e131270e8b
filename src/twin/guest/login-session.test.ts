import { describe, it, expect } from 'vitest';
import { GUEST_CATALOG } from './guest-os.js';
import { LoginSession } from './login-session.js';

const guest = { os: GUEST_CATALOG['rhel9.4'], hostname: 'test-linux-01', users: [{ name: 'marco', password: 'pw', sshAuthorizedKeys: [], sudo: true }, { name: 'keyonly', sshAuthorizedKeys: ['ssh-ed25519 AAAA'], sudo: false }] };

describe('LoginSession', () => {
  it('logs a cloud-init user in with its password and shows the bash prompt', () => {
    const s = new LoginSession(guest);
    expect(s.input('marco\r')).toBe('marco\r\nPassword: ');
    expect(s.input('pw\r')).toBe('\r\n[marco@test-linux-01 ~]$ ');
    expect(s.input('hostname\r')).toBe('hostname\r\ntest-linux-01\r\n[marco@test-linux-01 ~]$ ');
  });

  it('refuses a wrong password and a user without a password', () => {
    const s = new LoginSession(guest);
    s.input('marco\r');
    expect(s.input('nope\r')).toContain('Login incorrect\r\n\r\ntest-linux-01 login: ');
    s.input('keyonly\r');
    expect(s.input('\r')).toContain('Login incorrect');
  });

  it('exit returns to the getty banner', () => {
    const s = new LoginSession(guest);
    s.input('marco\rpw\r');
    expect(s.input('exit\r')).toContain('Red Hat Enterprise Linux 9.4 (Plow)\r\nKernel 5.14.0-427.el9.x86_64 on an x86_64\r\n\r\ntest-linux-01 login: ');
  });
});
