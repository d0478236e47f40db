/** Frame gaps in a page while it works: the time between animation frames, the measure of a freeze. */
import type { Page } from 'playwright-core';

/** Starts recording; the returned function stops it and gives the gaps in ms. */
export async function watchFrameGaps(page: Page): Promise<() => Promise<number[]>> {
  // A string, not a function: tsx's name helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.frameGaps = [];
    window.watching = true;
    let last = performance.now();
    requestAnimationFrame(function tick(now) {
      window.frameGaps.push(now - last);
      last = now;
      if (window.watching) requestAnimationFrame(tick);
    });
  })()`);
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { frameGaps: number[]; watching: boolean };
      w.watching = false;
      return w.frameGaps;
    });
}
