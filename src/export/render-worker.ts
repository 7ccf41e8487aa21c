import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { boot } from '../boot.js';
import { ExportFiles } from './files.js';
import { askingSite, EntryWriter, eachLimited, type Done } from './export-entry.js';
import { NginxCollector } from './nginx-facts.js';
import type { ThreadSetup, ToMain, ToThread } from './render-threads.js';

// One render thread of render-threads.ts: the site as a reader of the index the main thread
// built (no reconcile, no watcher, no media warm-up), asked in process (http/in-process.ts).
// Each chunk of jobs it is sent it renders, compresses (on this thread: the core is its own) and
// writes, and answers with the manifest lines; at the end, what it saw for the nginx block.
const setup = workerData as ThreadSetup;
const port = parentPort!;
const say = (message: ToMain) => port.postMessage(message);

async function main(): Promise<void> {
  // Content problems are the main thread's to log, once; a thread says only what broke it.
  const logger = pino({ level: 'error' }, pino.destination(2));
  const now = setup.now === undefined ? undefined : () => new Date(setup.now!);
  const site = await boot(setup.config, logger, { role: 'reader', now, warmMedia: false });
  // The derivative route answers for the originals the library knows: it learns them before the first job.
  await site.images.survey(site.store.index.media.keys());
  const facts = new NginxCollector();
  const writer = new EntryWriter(site, new ExportFiles(setup.dir, setup.inPlace), askingSite(site), setup.cacheControl, facts);
  port.on('message', (message: ToThread) => {
    if (message.type === 'facts') {
      say({ type: 'facts', facts: facts.facts() });
      site.close();
      port.close();
      return;
    }
    const done: Done[] = [];
    eachLimited(message.jobs, setup.concurrency, async (job) => {
      done.push(await writer.write(job));
    }).then(
      () => say({ type: 'done', done }),
      (error: unknown) => say({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  say({ type: 'ready' });
}

main().catch((error: unknown) => say({ type: 'failed', message: error instanceof Error ? `${error.message}` : String(error) }));
