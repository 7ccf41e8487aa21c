// `npm run check`: the command-line entry; the work is in check.ts, which tests call directly.
import { runCheck } from './check.js';
import { processIo } from './io.js';

process.exitCode = await runCheck(process.argv.slice(2), processIo());
