// `ove virt ...`: virtctl's VM commands against KubeVirt's subresource API (start, stop,
// restart, migrate, pause, unpause, guestosinfo, console, vnc) and ssh-info.
import type { Command } from 'commander';
import { CliError } from '../kube/cli-error.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { openSession, type KubeSession } from '../kube/session.js';
import { attachConsole } from '../virt/console.js';
import { guestOsInfo } from '../virt/guest-os-info.js';
import { migrateVm, pauseOrUnpause, restartVm, startVm, stopVm, type ForceFlags } from '../virt/lifecycle.js';
import { collectSshInfo, formatSshInfo } from '../virt/ssh-info.js';
import { probeVnc, proxyVnc } from '../virt/vnc.js';
import { dialStream, dialWhenRunning } from '../virt/websocket-dial.js';

type Flags = { kubeconfig?: string; context?: string; namespace?: string };

function action<F extends Flags>(io: CliIo, body: (s: KubeSession, ns: string, flags: F) => Promise<void>) {
  return async (flags: F) => {
    process.exitCode = await runCommand(io, async () => {
      const session = openSession(flags);
      try {
        await body(session, session.access.namespace, flags);
      } finally {
        session.close();
      }
    });
  };
}

function parseMinutes(v: string): number {
  if (!/^\d+$/.test(v)) throw new CliError(`invalid argument "${v}" for "--timeout" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new CliError(`invalid argument "${v}" for "--port" flag: must be a TCP port (0 picks a free one)`);
  return n;
}

function forceOptions(cmd: Command): Command {
  return cmd
    .option('--force', 'only used with --grace-period: if true, immediately remove the VMI pod from the API and bypass graceful deletion')
    .option('--grace-period <seconds>', 'seconds given to the VMI to terminate gracefully; needs --force')
    .option('--dry-run', 'perform a dry run without changing anything');
}

/** Adds `virt` and its subcommands to the `ove` program. */
export function registerVirtCommands(program: Command, io: CliIo = processIo): void {
  const virt = program.command('virt').description('virtual machine operations (what virtctl does)');
  withAccessFlags(virt.command('start <vm>').description('start a virtual machine'))
    .option('--paused', 'start the virtual machine paused')
    .option('--dry-run', 'perform a dry run without changing anything')
    .action((vm: string, flags: Flags & { paused?: boolean; dryRun?: boolean }) => action(io, (s, ns, f: typeof flags) => startVm(s.client, io, ns, vm, f))(flags));
  forceOptions(withAccessFlags(virt.command('stop <vm>').description('stop a virtual machine'))).action((vm: string, flags: Flags & ForceFlags) => action(io, (s, ns, f: typeof flags) => stopVm(s.client, io, ns, vm, f))(flags));
  forceOptions(withAccessFlags(virt.command('restart <vm>').description('restart a virtual machine'))).action((vm: string, flags: Flags & ForceFlags) => action(io, (s, ns, f: typeof flags) => restartVm(s.client, io, ns, vm, f))(flags));
  withAccessFlags(virt.command('migrate <vm>').description('live-migrate a virtual machine'))
    .option('--addedNodeSelector <key=value,...>', 'an extra node selector for this one migration attempt')
    .option('--dry-run', 'perform a dry run without changing anything')
    .action((vm: string, flags: Flags & { addedNodeSelector?: string; dryRun?: boolean }) => action(io, (s, ns, f: typeof flags) => migrateVm(s.client, io, ns, vm, f))(flags));
  for (const pause of [true, false]) {
    withAccessFlags(virt.command(`${pause ? 'pause' : 'unpause'} <type> <name>`).description(`${pause ? 'pause' : 'unpause'} a virtual machine (type: vm or vmi)`))
      .option('--dry-run', 'perform a dry run without changing anything')
      .action((type: string, name: string, flags: Flags & { dryRun?: boolean }) => action(io, (s, ns, f: typeof flags) => pauseOrUnpause(s.client, io, ns, type, name, pause, f.dryRun))(flags));
  }
  withAccessFlags(virt.command('guestosinfo <vmi>').description('guest agent information about the operating system')).action((vmi: string, flags: Flags) => action(io, (s, ns) => guestOsInfo(s.client, io, ns, vmi))(flags));
  withAccessFlags(virt.command('ssh-info <vm>').description('where to ssh to: pod-network address, services and the cloud-init user')).action((vm: string, flags: Flags) => action(io, async (s, ns) => io.out(formatSshInfo(await collectSshInfo(s.client, ns, vm))))(flags));
  withAccessFlags(virt.command('console <vmi>').description('connect to the serial console of a virtual machine instance (^] leaves)'))
    .option('--timeout <minutes>', 'minutes to wait for the virtual machine instance to be ready', '5')
    .action((vmi: string, flags: Flags & { timeout: string }) =>
      action(io, async (s, ns, f: typeof flags) => {
        const ws = await dialWhenRunning(s.access, ns, vmi, 'console', parseMinutes(f.timeout) * 60_000);
        try {
          await attachConsole(ws, vmi, { input: process.stdin, output: process.stdout, err: io.err });
        } finally {
          // A paused stdin pipe still holds the event loop open; the session is over.
          process.stdin.destroy();
        }
      })(flags),
    );
  withAccessFlags(virt.command('vnc <vmi>').description('connect to the VNC server of a virtual machine instance'))
    .option('--proxy-only', 'only start a local proxy for a VNC viewer; print its port as JSON')
    .option('--port <port>', 'local port of the proxy (0: any free port)', '0')
    .option('--address <address>', 'local address of the proxy', '127.0.0.1')
    .action((vmi: string, flags: Flags & { proxyOnly?: boolean; port: string; address: string }) =>
      action(io, async (s, ns, f: typeof flags) => {
        const port = parsePort(f.port);
        const ws = await dialStream(s.access, ns, vmi, 'vnc').catch((err: Error) => {
          throw new CliError(`Can't access VMI ${vmi}: ${err.message}`);
        });
        if (f.proxyOnly) await proxyVnc(ws, { address: f.address, port }, io);
        else await probeVnc(ws, vmi, io);
      })(flags),
    );
}
