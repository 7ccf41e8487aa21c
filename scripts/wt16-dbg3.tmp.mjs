import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 320, height: 500 } });
const tab = await ctx.newPage();
await tab.goto('http://localhost:3916' + process.argv[2]);
console.log(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), await tab.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 320 || e.scrollWidth > e.clientWidth + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').slice(0, 50) + ' ' + getComputedStyle(e).fontSize)));
await tab.screenshot({ path: '/tmp/wt16-dbg3.png' });
await browser.close();
