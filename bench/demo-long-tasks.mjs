// Long tasks on the demo cart pages, with and without the widget, in a Chromium that no tool is
// attached to. Playwright drives pages over the DevTools protocol, and with it attached every
// fetch() and script insertion records its initiator's stack — Chromium then recollects source
// positions for the functions on it, which makes the tasks that make requests longer than a
// shopper's (measured, same build: the task that requests the config 15 ms median under
// Playwright, 2 ms without). So this part runs
// `chromium --headless=new --dump-dom`: the page notes its own long tasks and long animation
// frames (which name the scripts that ran in them), writes them into the DOM at `load`, and the
// server holds the load event back 3 s so that the widget's start-up is over by then.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Injected first into <head>: observers, and the report written into the DOM at `load`. */
export const PROBE = `<script>(()=>{const b={lt:[],loaf:[]};try{new PerformanceObserver(l=>{for(const e of l.getEntries())b.lt.push([Math.round(e.startTime),Math.round(e.duration)])}).observe({type:'longtask',buffered:true})}catch(e){}
try{new PerformanceObserver(l=>{for(const e of l.getEntries())b.loaf.push([Math.round(e.startTime),Math.round(e.duration),e.scripts.map(s=>[String(s.sourceURL||'').split('/').pop().split('?')[0],Math.round(s.duration)])])}).observe({type:'long-animation-frame',buffered:true})}catch(e){}
addEventListener('load',()=>document.documentElement.setAttribute('data-bench',JSON.stringify(b)))})()</script>`;

/** Injected before </body>: an image the server answers after HOLD_MS, so `load` comes late. */
export const HOLD_MS = 3000;
export const HOLD = '<img src="/bench-hold" alt="" width="1" height="1">';

const WIDGET_FILE = /^cart-upsell(-ui)?\.js$/;

function dump(chromePath, flags, url) {
  const profile = mkdtempSync(join(tmpdir(), 'cart-upsell-bench-'));
  return new Promise((resolve) => {
    execFile(chromePath, [...flags, '--headless=new', '--dump-dom', `--user-data-dir=${profile}`, '--window-size=1280,800', url], { timeout: 30000, maxBuffer: 16 << 20 }, (err, stdout) => {
      rmSync(profile, { recursive: true, force: true });
      const m = /data-bench="([^"]*)"/.exec(stdout ?? '');
      if (err || !m) return resolve(null);
      try {
        resolve(JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')));
      } catch {
        resolve(null);
      }
    });
  });
}

/**
 * One long task per entry, with the milliseconds widget code ran inside it (from the long
 * animation frame that holds the task; 0 when none of its scripts is ours).
 */
export function attribute(report) {
  return report.lt.map(([at, ms]) => {
    const frame = report.loaf.find(([fAt, fMs]) => at >= fAt - 1 && at <= fAt + fMs);
    const widgetMs = (frame?.[2] ?? []).filter(([file]) => WIDGET_FILE.test(file)).reduce((s, [, d]) => s + d, 0);
    return { ms, widgetMs };
  });
}

/** `runs` loads of each shop's cart page without and with the widget, alternating. */
export async function demoLongTasks({ origin, chromePath, flags, shops, runs, log }) {
  const out = {};
  for (const shop of shops) out[shop] = { baseline: [], widget: [], failed: 0 };
  for (let i = 0; i < runs; i++)
    for (const shop of shops)
      for (const widget of [false, true]) {
        const r = await dump(chromePath, flags, `${origin}/demo/site/shops/${shop}/cart.html?widget=${widget ? 1 : 0}&probe=1`);
        if (r) out[shop][widget ? 'widget' : 'baseline'].push(attribute(r));
        else out[shop].failed++;
      }
  const summary = {};
  for (const [shop, v] of Object.entries(out)) {
    const per = (loads) => ({
      loads: loads.length,
      longTasksPerLoad: loads.length ? loads.flat().length / loads.length : null,
      longestMs: Math.max(0, ...loads.flat().map((t) => t.ms)),
      withWidgetCode: loads.flat().filter((t) => t.widgetMs > 0).map((t) => ({ ms: t.ms, widgetMs: t.widgetMs })),
      perLoad: loads.map((l) => l.map((t) => t.ms)),
    });
    summary[shop] = { baseline: per(v.baseline), widget: per(v.widget), failedLoads: v.failed };
    log?.(`demo ${shop}: ${summary[shop].baseline.longTasksPerLoad?.toFixed(2)} → ${summary[shop].widget.longTasksPerLoad?.toFixed(2)} long tasks per load`);
  }
  return summary;
}
