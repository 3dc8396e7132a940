import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto(`http://127.0.0.1:4421/?${process.argv[2] ?? ''}`);
await page.waitForSelector('h1'); await page.waitForTimeout(1500);
const r = await page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const b = el.getBoundingClientRect();
    if (b.right > 392 && b.width > 0) {
      // only report if no ancestor already reported
      out.push({ tag: el.tagName, cls: el.className?.toString().slice(0,40), right: Math.round(b.right), w: Math.round(b.width) });
    }
  }
  return out.slice(0, 25);
});
console.log(r);
await browser.close();
