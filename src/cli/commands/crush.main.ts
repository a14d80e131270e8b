// Stand-alone entry for `ove crush ...` while the command is not yet wired into bin/ove.
import { Command } from 'commander';
import { registerCrushCommands } from './crush.js';

const program = new Command('ove');
registerCrushCommands(program);
program.parse(process.argv);
