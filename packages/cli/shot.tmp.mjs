import { chromium } from 'playwright-core';
const [file, out, scheme = 'light', h = '1400', click = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: Number(h) }, colorScheme: scheme });
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto('file://' + file);
if (click) { await page.locator(click).first().click(); }
await page.screenshot({ path: out });
await browser.close();
