// Reading a page as a person does, for tests of what Picket badges: it badges only what comes
// into (or near) view, and a page is often many screens long.
import type { Page } from 'playwright-core';

/** Scrolls the page from top to bottom a screen at a time (two frames each), then back to the top. */
export async function readThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const root = document.scrollingElement ?? document.documentElement;
    const frame = () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    for (let y = 0; y < root.scrollHeight; y += innerHeight) {
      root.scrollTop = y;
      await frame();
    }
    root.scrollTop = 0;
    await frame();
  });
}
