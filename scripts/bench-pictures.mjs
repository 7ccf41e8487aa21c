#!/usr/bin/env node
/**
 * The pictures benchmark (npm run bench:pictures): the issue's case, a 3000×2000 camera photo
 * stored as an 18 MB PNG. Surveys it as the server does at a content load (hash, decode,
 * facts, the feed's JPEG), then makes its whole ladder, and prints how long each took, the
 * longest the event loop was held meanwhile, and the bytes of each derivative a phone or a
 * crawler fetches. A benchmark, not a test: it prints its figures next to the targets.
 *
 *   npm run bench:pictures [-- --skip-build]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { makePhoto } from './make-photo.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
if (!process.argv.includes('--skip-build')) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
const { MediaLibrary } = await import(path.join(ROOT, 'dist/src/media/library.js'));

const work = mkdtempSync(path.join(os.tmpdir(), 'dknews-bench-pictures-'));
try {
  const contentDir = path.join(work, 'content');
  await makePhoto(path.join(contentDir, 'media/camera.png'), { width: 3000, height: 2000, compression: 0 });
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(path.join(contentDir, 'media/camera.png')));

  // The longest gap between two turns of the event loop, measured by a 1 ms timer and by Node's
  // histogram; first for 3 s with nothing to do, for what a busy machine alone costs.
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idle = longest;
  longest = 0;
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  // V8's collections of the event loop's heap meanwhile: a pause that is the collector's, not our code's.
  let longestGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });

  const library = new MediaLibrary({ contentDir, dataDir: path.join(work, 'data') });
  let t = performance.now();
  const facts = (await library.survey(['camera.png'])).get('camera.png');
  const surveyMs = performance.now() - t;
  t = performance.now();
  await library.warm();
  const ladderMs = performance.now() - t;
  clearInterval(ticker);
  histogram.disable();
  gc.disconnect();

  const bytes = async (name) => (await library.derivative(facts.hash, name)).bytes;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`original: ${facts.width}×${facts.height} ${facts.format}, ${(size / 1e6).toFixed(1)} MB`);
  console.log(`survey (hash, decode, facts, feed JPEG): ${Math.round(surveyMs)} ms`);
  console.log(`whole ladder (${library.encodes.size} derivatives): ${(ladderMs / 1000).toFixed(1)} s`);
  console.log(`longest event-loop pause with nothing to do: ${idle.toFixed(1)} ms (the machine's own noise)`);
  console.log(`longest event-loop pause while surveying and making the ladder: ${longest.toFixed(1)} ms by the 1 ms timer; p99 ${(histogram.percentile(99) / 1e6).toFixed(1)} ms, max ${(histogram.max / 1e6).toFixed(1)} ms by monitorEventLoopDelay   (target ≤ 50 ms)`);
  console.log(`  of which garbage collection: the longest collection took ${longestGc.toFixed(1)} ms; load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  console.log('phone, 390 px at DPR 3 (Chromium takes the 1280 px candidate; see tests/browser/pictures.test.ts):');
  console.log(`  article picture 1280.avif ${kb(await bytes('1280.avif'))} (target ≤ 150 KB), webp ${kb(await bytes('1280.webp'))}, jpg ${kb(await bytes('1280.jpg'))}`);
  console.log(`  home card       1280.avif ${kb(await bytes('1280.avif'))} (target ≤ 40 KB)`);
  console.log(`ladder, AVIF: ${(await Promise.all([320, 480, 640, 960, 1280, 1600, 1920].map(async (w) => `${w} ${kb(await bytes(`${w}.avif`))}`))).join(', ')}`);
  console.log(`crawlers: og.jpg ${kb(await bytes('og.jpg'))}, 16x9 ${kb(await bytes('16x9.jpg'))}, 4x3 ${kb(await bytes('4x3.jpg'))}, 1x1 ${kb(await bytes('1x1.jpg'))}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
