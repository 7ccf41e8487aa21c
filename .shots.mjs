import { chromium } from 'playwright-core';
const origin = process.argv[2];
const paths = process.argv.slice(3);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
for (const [w, h, tag] of [[390, 844, 'phone'], [1280, 900, 'desktop']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  for (const p of paths) {
    const r = await page.goto(origin + p);
    const name = p.replace(/[^a-z0-9]+/gi, '_');
    await page.screenshot({ path: `/tmp/import-shots/${tag}${name}.png`, fullPage: tag === 'phone' ? false : true });
    console.log(tag, p, r.status());
  }
  await page.close();
}
await browser.close();
