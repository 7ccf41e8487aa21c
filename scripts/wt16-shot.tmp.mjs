import { chromium } from 'playwright-core';
const [,, origin, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const p of paths) {
  for (const [name, vp] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
    for (const scheme of (process.env.SCHEMES || 'light').split(',')) {
      const ctx = await browser.newContext({ viewport: vp, colorScheme: scheme });
      const tab = await ctx.newPage();
      tab.on('pageerror', (e) => console.log('pageerror', e.message));
      const r = await tab.goto(origin + p);
      const h = await tab.evaluate(() => document.querySelector('.site-header')?.getBoundingClientRect().height);
      const file = `/tmp/wt16-${p.replace(/\W+/g, '_')}-${name}-${scheme}.png`;
      await tab.screenshot({ path: file, fullPage: name !== 'phone' });
      console.log(r.status(), file, 'header', h);
      await ctx.close();
    }
  }
}
await browser.close();
