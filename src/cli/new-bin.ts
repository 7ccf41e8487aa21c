// `npm run new`: the command-line entry; the work is in new-article.ts, which tests call directly.
import { processIo } from './io.js';
import { runNew } from './new-article.js';

process.exitCode = await runNew(process.argv.slice(2), processIo());
