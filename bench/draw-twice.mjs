// The prompts drawn twice in the same page: the first time a page runs the prompts' code against
// the second. For each demo shop the decision its cart page shows is taken from a load with the
// widget; then its cart page without the widget loads the prompt file, and the same decision is
// drawn (each of the widget's scheduled steps timed: the host, the first prompt, each next one),
// taken down and drawn again. At 4× CPU the first drawing is what can reach 50 ms; the second
// says how much of that is the work itself.

import { median } from './demo-long-tasks.mjs';

/** Run in the page: wraps the widget's scheduled steps (scheduler.yield continuations) to time each. */
const timeSteps = () => {
  const out = [];
  const count = () => [...document.querySelectorAll('cart-upsell,cart-upsell-slot')].reduce((n, h) => n + (h.shadowRoot?.querySelectorAll('*').length ?? 0), 0);
  const s = window.scheduler;
  const orig = s.yield.bind(s);
  s.yield = () => {
    const p = orig();
    return {
      then: (ok, no) =>
        p.then((v) => {
          const t0 = performance.now();
          const n0 = count();
          try {
            return ok(v);
          } finally {
            out.push({ ms: performance.now() - t0, added: count() - n0 });
          }
        }, no),
    };
  };
  window.__timing = { out, stop: () => (s.yield = orig) };
};

/**
 * `{ shop: { first, again } }`: the median ms over `runs` pages of each step — creating the host and
 * its style sheet, the first prompt, each next one — the first time and the second.
 */
export async function drawTwice({ browser, origin, shops, runs, cpu, log }) {
  const result = {};
  for (const shop of shops) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const KEY = Symbol.for('cart-upsell:prompts');
      let m;
      Object.defineProperty(window, KEY, {
        configurable: true,
        get: () => m,
        set: (v) => {
          m = {
            ...v,
            createUI: (config, h, doc) => {
              const ui = v.createUI(config, h, doc);
              window.__drawn = { config };
              return { host: ui.host, destroy: ui.destroy, update: (d) => ((window.__drawn.decision = JSON.parse(JSON.stringify(d))), ui.update(d)) };
            },
          };
        },
      });
    });
    await page.goto(`${origin}/demo/site/shops/${shop}/cart.html?widget=1`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__drawn?.decision, null, { timeout: 30000 });
    // The decision on screen at the end: the cart may still change once after the first one.
    await page.waitForTimeout(2000);
    const drawn = await page.evaluate(() => window.__drawn);
    await page.close();
    const first = [];
    const again = [];
    for (let i = 0; i < runs; i++) {
      const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await p.goto(`${origin}/demo/site/shops/${shop}/cart.html?widget=0`, { waitUntil: 'load' });
      await p.addScriptTag({ url: '/dist/cart-upsell-ui.js' });
      await (await p.context().newCDPSession(p)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
      for (const into of [first, again]) {
        await p.evaluate(timeSteps);
        into.push(
          await p.evaluate(async (drawn) => {
            const { out, stop } = window.__timing;
            const m = window[Symbol.for('cart-upsell:prompts')];
            const none = () => {};
            const t0 = performance.now();
            const ui = m.createUI(drawn.config, { onShow: none, onAccept: async () => ({ ok: true }), onDecline: none, onDismiss: none }, document);
            const host = performance.now() - t0;
            const t1 = performance.now();
            ui.update(drawn.decision);
            const firstPrompt = performance.now() - t1;
            await new Promise((r) => setTimeout(r, 1500));
            stop();
            ui.destroy();
            return [host, firstPrompt, ...out.filter((s) => s.added > 0).map((s) => s.ms)];
          }, drawn),
        );
      }
      await p.close();
    }
    const med = (k, list) => {
      const m = median(list.map((r) => r[k]));
      return m == null ? null : Math.round(m * 10) / 10;
    };
    const steps = Math.max(...first.map((r) => r.length));
    result[shop] = {
      first: Array.from({ length: steps }, (_, k) => med(k, first)),
      again: Array.from({ length: steps }, (_, k) => med(k, again)),
      firstMax: Math.round(Math.max(...first.flat())),
      againMax: Math.round(Math.max(...again.flat())),
    };
    log?.(`draw ${shop} ${cpu}×: first ${result[shop].first.join(' / ')} ms, again ${result[shop].again.join(' / ')} ms`);
  }
  return result;
}
