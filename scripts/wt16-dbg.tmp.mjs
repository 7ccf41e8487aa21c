import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 320, height: 800 } });
const tab = await ctx.newPage();
await tab.goto('http://localhost:3916/ru/news/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya');
console.log(await tab.evaluate(() => {
  const h = document.querySelector('h1'); const out = []; const node = h.firstChild; const t = node.textContent;
  for (let i = 0; i < t.length; i++) { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); const rect = r.getClientRects()[0]; out.push((t[i] === '\u00ad' ? '~' : t[i]) + ':' + (rect ? Math.round(rect.top) + '/' + Math.round(rect.width) + '/' + r.getClientRects().length : 'x')); }
  return [getComputedStyle(h).fontSize, h.className, out.join(' ')];
}));
await browser.close();
