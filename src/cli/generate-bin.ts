// `npm run generate`: the command-line entry; the work is in generate.ts, which tests call directly.
import { runGenerate } from './generate.js';
import { processIo } from './io.js';

process.exitCode = await runGenerate(process.argv.slice(2), processIo());
