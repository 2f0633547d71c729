import { chromium } from 'playwright-core';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
  const [width, ...paths] = process.argv.slice(2);
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  for (const [i, p] of paths.entries()) {
    await page.goto(`http://127.0.0.1:3100${p}`);
    await page.screenshot({ path: `/tmp/shot-${i}.png`, fullPage: true });
  }
  await browser.close();
})();
