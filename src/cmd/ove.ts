/** The `ove` command: one entry for the platform (`up`) and the user tools. */
import { Command } from 'commander';
import { registerUpCommand } from './up.js';
import { registerCrushCommands } from '../cli/commands/crush.js';
import { registerPreflightCommand } from '../cli/commands/preflight.js';
import { registerGetCommand } from '../cli/commands/get.js';
import { registerDescribeCommand } from '../cli/commands/describe.js';
import { registerApplyCommand } from '../cli/commands/apply.js';
import { registerCreateCommand } from '../cli/commands/create.js';
import { registerDeleteCommand } from '../cli/commands/delete.js';
import { registerAdmCommands } from '../cli/commands/adm.js';
import { registerTwinCommands } from '../cli/commands/twin.js';
import { registerCephCommands } from '../cli/commands/ceph.js';
import { registerVirtCommands } from '../cli/commands/virt.js';
import { registerImageUploadCommand } from '../cli/virt/image-upload-command.js';

const program = new Command();
program.name('ove').description('ove: Kubernetes-native virtualization on a datacenter twin or on qemu').version('0.1.0');
registerUpCommand(program);
registerCrushCommands(program);
registerPreflightCommand(program);
registerGetCommand(program);
registerDescribeCommand(program);
registerApplyCommand(program);
registerCreateCommand(program);
registerDeleteCommand(program);
registerAdmCommands(program);
registerTwinCommands(program);
registerCephCommands(program);
registerVirtCommands(program);
registerImageUploadCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`ove: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
