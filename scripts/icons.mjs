// Renders the app icons (pwa/icons/*.png, committed) from the SVG drawings in pwa/ with Debian's
// Chromium. Run by hand after changing a drawing: `node scripts/icons.mjs`.
//   icon.svg       rounded square, for "any" purpose (192 and 512 px)
//   icon-full.svg  full bleed, the drawing inside the safe zone: maskable 512 px and the
//                  180 px apple-touch-icon (iOS rounds the corners itself)
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const ICONS = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-full.svg', 'icon-maskable-512.png', 512],
  ['icon-full.svg', 'apple-touch-icon.png', 180],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const [svg, png, size] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const drawing = await readFile(new URL(`../pwa/${svg}`, import.meta.url), 'utf8');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${drawing}`,
    );
    await page.screenshot({ path: new URL(`../pwa/icons/${png}`, import.meta.url).pathname, omitBackground: true });
    await page.close();
    console.log(`pwa/icons/${png}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
