// `npm run export`: the command-line entry; the work is in export.ts, which tests call directly.
import { runExport } from './export.js';
import { processIo } from './io.js';

process.exitCode = await runExport(process.argv.slice(2), processIo());
