// Builds the floor (Preact + one component in a shadow root) and the same with @preact/signals,
// with the widget's build settings (vite.config.ts, IIFE, same minifier options), in memory.
// Returns each file's code and sizes; `node bench/floor.mjs` prints them.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildFloors() {
  const out = {};
  for (const name of ['floor', 'floor-signals']) {
    const r = await build({
      configFile: join(root, 'vite.config.ts'),
      root,
      logLevel: 'silent',
      build: {
        write: false,
        sourcemap: false,
        lib: { entry: join(root, `bench/floor/${name}.tsx`), formats: ['iife'], name: 'Floor', fileName: () => `${name}.js` },
      },
    });
    const code = [r].flat()[0].output[0].code;
    out[name] = { code, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await buildFloors();
  for (const [name, v] of Object.entries(f)) console.log(`${name}: ${v.bytes} B raw, ${v.gzip} B gzip`);
}

/**
 * Time to show a new amount, 1,000 times in a row, in each floor (median of `rounds`, alternated):
 * a render of the component vs a signal's text-node update. µs per update, waits included.
 */
export async function measureFloorUpdates(browser, floors, { rounds = 5, cpu = 1 } = {}) {
  const times = { floor: [], 'floor-signals': [] };
  for (let r = 0; r < rounds; r++) {
    for (const name of r % 2 ? ['floor-signals', 'floor'] : ['floor', 'floor-signals']) {
      const page = await browser.newPage();
      if (cpu > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
      await page.setContent('<!doctype html><html lang="ja"><body></body></html>');
      await page.addScriptTag({ content: floors[name].code });
      // A signal's text node is written two microtasks after the change (signals' deferred DOM
      // updates), so each update waits three microtasks in both variants before the next.
      const us = await page.evaluate(async () => {
        const update = window.floorUpdate;
        const settle = async () => {
          for (let k = 0; k < 3; k++) await Promise.resolve();
        };
        for (let i = 0; i < 100; i++) (update(i), await settle()); // warm up
        const t = performance.now();
        for (let i = 0; i < 1000; i++) (update(4000 + i), await settle());
        const ms = performance.now() - t;
        const text = document.querySelector('div').shadowRoot.textContent;
        if (!text?.includes('4999')) throw new Error(`not updated: ${text}`);
        return ms; // ms per 1,000 updates = µs per update
      });
      times[name].push(us);
      await page.close();
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { render: median(times.floor), signal: median(times['floor-signals']) };
}
