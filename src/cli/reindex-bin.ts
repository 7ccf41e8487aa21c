// `npm run reindex`: the command-line entry; the work is in reindex.ts, which tests call directly.
import { processIo } from './io.js';
import { runReindex } from './reindex.js';

process.exitCode = await runReindex(process.argv.slice(2), processIo());
