// `npm run import`: the command-line entry; the work is in import.ts, which tests call directly.
import { runImportCommand } from './import.js';
import { processIo } from './io.js';

process.exitCode = await runImportCommand(process.argv.slice(2), processIo());
