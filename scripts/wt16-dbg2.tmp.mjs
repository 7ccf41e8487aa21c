import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 320, height: 500 } });
const tab = await ctx.newPage();
await tab.goto('http://localhost:3916/ru/news/kazahstan-usilivaet-sotrudnichestvo-s-odnoy-iz-samyh-bogatyh-provinciy-kitaya');
await tab.screenshot({ path: '/tmp/wt16-h1-320.png' });
await browser.close();
