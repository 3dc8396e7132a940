import { chromium } from '@playwright/test';
const [,, base, out, ...views] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const spec of views) {
  const [name, w, h, query] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: +w, height: +h }, reducedMotion: 'reduce' });
  await page.route((url) => url.pathname === '/fixtures/second-story.json', (route) => route.fulfill({ path: '/work/wt/first/e2e/fixtures/valid/second-story.json' }));
  await page.goto(`${base}/?${query ?? ''}`);
  await page.waitForSelector('h1');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/${name}.png` });
  const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth, h: document.documentElement.scrollHeight }));
  console.log(name, JSON.stringify(m));
  await page.close();
}
await browser.close();
