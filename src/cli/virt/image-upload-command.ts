/** Registers `ove virt image-upload` (virtctl image-upload) under the `virt` command. */
import type { Command } from 'commander';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { openSession } from '../kube/session.js';
import { imageUpload, type ImageUploadFlags } from './image-upload.js';

type Flags = ImageUploadFlags & { kubeconfig?: string; context?: string; namespace?: string };

/** Adds `image-upload` to the program's `virt` command (registered before). */
export function registerImageUploadCommand(program: Command, io: CliIo = processIo): void {
  const virt = program.commands.find((c) => c.name() === 'virt');
  if (!virt) throw new Error('the virt command must be registered first');
  withAccessFlags(virt.command('image-upload <type> <name>').description('upload a VM image to a DataVolume (type: dv)'))
    .option('--size <quantity>', 'the size of the DataVolume to create (ex. 10Gi, 500Mi)')
    .option('--image-path <file>', 'path to the local VM image')
    .option('--archive-path <file>', 'path to the local archive (not supported by ove)')
    .option('--storage-class <name>', 'the storage class for the PVC')
    .option('--access-mode <mode>', 'the access mode for the PVC (e.g. ReadWriteOnce)')
    .option('--volume-mode <mode>', 'the volume mode of the PVC (block or filesystem)')
    .option('--no-create', "don't attempt to create a new DataVolume")
    .option('--force-bind', 'force bind the PVC, ignoring the WaitForFirstConsumer logic')
    .option('--insecure', 'allow insecure server connections when using HTTPS')
    .option('--uploadproxy-url <url>', 'the URL of the cdi-upload proxy service')
    .option('--wait-secs <seconds>', 'seconds to wait for upload pod to start', '300')
    .option('--retry <n>', 'when upload server returns a transient error, we retry this number of times before giving up', '5')
    .action(async (type: string, name: string, flags: Flags & { create?: boolean }) => {
      process.exitCode = await runCommand(io, async () => {
        const session = openSession(flags);
        try {
          await imageUpload(session.client, session.access, io, type, name, { ...flags, noCreate: flags.create === false, lines: !process.stdout.isTTY });
        } finally {
          session.close();
        }
      });
    });
}
