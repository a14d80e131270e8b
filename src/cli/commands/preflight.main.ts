// Stand-alone entry for `ove preflight` while the command is not yet wired into bin/ove.
import { Command } from 'commander';
import { registerPreflightCommand } from './preflight.js';

const program = new Command('ove');
registerPreflightCommand(program);
await program.parseAsync(process.argv);
