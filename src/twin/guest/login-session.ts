/**
 * A serial console session on a Linux guest's getty: echo while typing the user
 * name, no echo for the password, `Login incorrect` on a bad pair, then a bash
 * prompt `[user@host ~]$ ` with a few commands. Only users cloud-init gave a plain
 * password can log in on the console (key-only users cannot, as on a real guest).
 */
import type { GuestUser } from './cloud-init.js';
import type { GuestOs } from './guest-os.js';
import { loginBanner, shortHostname } from './console-log.js';

/** The guest facts a session needs. */
export interface SessionGuest {
  os: GuestOs;
  hostname: string;
  users: GuestUser[];
}

/** A console session; `input` returns what the guest writes back. */
export class LoginSession {
  private state: 'login' | 'password' | 'shell' = 'login';
  private line = '';
  private user = '';

  constructor(private readonly guest: SessionGuest) {}

  /** Feeds typed bytes; returns the guest's output. */
  input(data: string): string {
    let out = '';
    for (const ch of data) {
      if (ch === '\r' || ch === '\n') {
        out += '\r\n' + this.enter(this.line);
        this.line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line) {
          this.line = this.line.slice(0, -1);
          if (this.state !== 'password') out += '\b \b';
        }
      } else if (ch >= ' ') {
        this.line += ch;
        if (this.state !== 'password') out += ch;
      }
    }
    return out;
  }

  /** The shell prompt of the logged-in user. */
  prompt(): string {
    return `[${this.user}@${shortHostname(this.guest.hostname)} ~]$ `;
  }

  private enter(line: string): string {
    const g = this.guest;
    if (this.state === 'login') {
      if (!line.trim()) return `${shortHostname(g.hostname)} login: `;
      this.user = line.trim();
      this.state = 'password';
      return 'Password: ';
    }
    if (this.state === 'password') {
      const u = g.users.find((x) => x.name === this.user);
      if (u?.password !== undefined && u.password === line) {
        this.state = 'shell';
        return this.prompt();
      }
      this.state = 'login';
      return `\r\nLogin incorrect\r\n\r\n${shortHostname(g.hostname)} login: `;
    }
    return this.run(line.trim());
  }

  private run(cmd: string): string {
    const g = this.guest;
    const reply = (s: string) => `${s}\r\n${this.prompt()}`;
    if (cmd === '') return this.prompt();
    if (cmd === 'exit' || cmd === 'logout') {
      this.state = 'login';
      return `logout\r\n${loginBanner(g.os, g.hostname)}`;
    }
    if (cmd === 'hostname') return reply(g.hostname);
    if (cmd === 'whoami') return reply(this.user);
    if (cmd === 'uname -r') return reply(g.os.kernelRelease);
    if (cmd === 'cat /etc/redhat-release' && g.os.id === 'rhel') return reply(`${g.os.name} release ${g.os.version}`);
    return reply(`-bash: ${cmd.split(' ')[0]}: command not found`);
  }
}
