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
try{new PerformanceObserver(l=>{for(const e of l.getEntries())b.loaf.push([Math.round(e.startTime),Math.round(e.duration),e.scripts.map(s=>[String(s.sourceURL||'').split('/').pop().split('?')[0],Math.round(s.duration),Math.round(s.startTime),s.invokerType,String(s.invoker||'').slice(0,80),Math.round(s.forcedStyleAndLayoutDuration||0),s.sourceFunctionName||'',s.sourceCharPosition??-1]),Math.round(e.renderStart||0),Math.round(e.styleAndLayoutStart||0)])}).observe({type:'long-animation-frame',buffered:true})}catch(e){}
const bar=()=>{for(const h of document.querySelectorAll('[data-cart-upsell],cart-upsell-slot')){const s=h.shadowRoot&&h.shadowRoot.querySelector('[role=status]');if(s&&s.textContent)return s.textContent}return null};
const tick=()=>{const t=bar();if(t!=null&&b.firstBar==null)(b.firstBar=t,b.firstBarAt=Math.round(performance.now()));if(b.firstBar==null)requestAnimationFrame(tick)};requestAnimationFrame(tick);
addEventListener('load',()=>{b.lastBar=bar();b.files=performance.getEntriesByType('resource').filter(r=>/cart-upsell/.test(r.name)).map(r=>[r.name.split('/').pop().split('?')[0],Math.round(r.startTime),Math.round(r.responseEnd)]);document.documentElement.setAttribute('data-bench',JSON.stringify(b))})})()</script>`;

/** Injected before </body>: an image the server answers after HOLD_MS, so `load` comes late. */
export const HOLD_MS = 3000;
export const HOLD = '<img src="/bench-hold" alt="" width="1" height="1">';

const WIDGET_FILE = /^cart-upsell(-ui)?\.js$/;

export function dump(chromePath, flags, url) {
  const profile = mkdtempSync(join(tmpdir(), 'cart-upsell-bench-'));
  return new Promise((resolve) => {
    execFile(chromePath, [...flags, '--headless=new', '--dump-dom', `--user-data-dir=${profile}`, '--window-size=1280,800', url], { timeout: 30000, maxBuffer: 16 << 20 }, (err, stdout) => {
      // A browser killed at the timeout may still be writing its profile: never fail the run for it.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        /* left in the temp folder */
      }
      const m = /data-bench="([^"]*)"/.exec(stdout ?? '');
      if (err || !m) return resolve(null);
      try {
        resolve(
          JSON.parse(
            m[1]
              .replace(/&quot;/g, '"')
              .replace(/&lt;/g, '<')
              .replace(/&gt;/g, '>')
              .replace(/&amp;/g, '&'),
          ),
        );
      } catch {
        resolve(null);
      }
    });
  });
}

/**
 * One long task per entry, with the milliseconds widget code ran inside it and what started that
 * code (the script entries of the long animation frames: the script's evaluation, a listener, an
 * observer, a timer, a promise continuation). A script counts when its own time lies within the
 * task's: a frame holds several tasks, and widget code in another task of the same frame is not
 * inside this one. Entries under 5 ms are not reported by the browser.
 */
export function attribute(report) {
  const scripts = report.loaf.flatMap(([, , list]) => list).filter(([file]) => WIDGET_FILE.test(file));
  return report.lt.map(([at, ms]) => {
    // Entries are [file, ms, start, invokerType, invoker, forced style and layout ms, function, position].
    const inside = scripts.filter(([, d, start]) => start >= at - 1 && start + d <= at + ms + 1);
    return {
      ms,
      widgetMs: inside.reduce((s, [, d]) => s + d, 0),
      by: inside.map(
        ([, d, , type, invoker]) =>
          `${type ?? '?'} ${String(invoker ?? '')
            .split('/')
            .pop()} ${d} ms`,
      ),
    };
  });
}

/** The variants of each demo cart page: without the widget, the generic script tag, the shop's tailored build. */
export const VARIANTS = [
  ['baseline', 'widget=0'],
  ['widget', 'widget=1'],
  ['tailored', 'widget=1&build=tailored'],
];

/**
 * The control beside the widget at 4× (bench/pages/control.js): the page without the widget,
 * running ten tasks of fixed work scheduled the way the widget's steps are.
 */
export const CONTROL = ['control', 'widget=0&control=1'];

/** Widget script time per long animation frame (ms), from a page's report. */
const widgetFrames = (report) => report.loaf.map(([, , scripts]) => scripts.filter(([file]) => WIDGET_FILE.test(file)).reduce((s, [, d]) => s + d, 0)).filter((ms) => ms > 0);

/**
 * The widget's script entries (one per task or callback the browser ran for it: the file's
 * evaluation, a timer, a promise continuation, a listener), longest first: the browser reports
 * each one of 5 ms or more. `where` names the source file of the entry's position.
 */
const widgetEntries = (report, where) =>
  report.loaf
    .flatMap(([, , scripts]) => scripts)
    .filter(([file]) => WIDGET_FILE.test(file))
    .map(([file, ms, , type, invoker, , fn, pos]) => ({
      ms,
      what: `${type ?? '?'} ${String(invoker ?? '')
        .split('/')
        .pop()
        .slice(0, 40)}`,
      where: where?.(file, pos) ?? `${file}:${pos}${fn ? ` ${fn}` : ''}`,
    }))
    .sort((a, b) => b.ms - a.ms);

/** Long tasks, total blocking time and the widget's longest frame, per variant, over loads. */
export function summarise(loads) {
  const per = (list) => ({
    loads: list.length,
    longTasksPerLoad: list.length ? list.flatMap((r) => r.tasks).length / list.length : null,
    longestMs: Math.max(0, ...list.flatMap((r) => r.tasks.map((t) => t.ms))),
    // Lighthouse's definition over the load: the part of each long task beyond 50 ms.
    tbtMedianMs: median(list.map((r) => r.tasks.reduce((s, t) => s + Math.max(0, t.ms - 50), 0))),
    tbtMeanMs: list.length ? list.reduce((s, r) => s + r.tasks.reduce((a, t) => a + Math.max(0, t.ms - 50), 0), 0) / list.length : null,
    withWidgetCode: list
      .flatMap((r) => r.tasks)
      .filter((t) => t.widgetMs > 0)
      .map((t) => ({ ms: t.ms, widgetMs: t.widgetMs, by: t.by })),
    widgetFrameMaxMs: Math.max(0, ...list.flatMap((r) => r.widgetFrames)),
    widgetFramesOver50: list.flatMap((r) => r.widgetFrames).filter((ms) => ms >= 50).length,
    // Per task: the widget's script entries, how many reached 50 ms, the longest and where.
    widgetEntries: list.reduce((s, r) => s + r.entries.length, 0),
    widgetEntriesOver50: list.flatMap((r) => r.entries).filter((e) => e.ms >= 50),
    widgetEntryMaxMs: Math.max(0, ...list.flatMap((r) => r.entries.map((e) => e.ms))),
    perLoad: list.map((r) => r.tasks.map((t) => t.ms)),
    // The control's tasks (its own clock), for the control variant only.
    ...(list.some((r) => r.controlMs) ? { control: controlSummary(list.flatMap((r) => r.controlMs ?? [])) } : {}),
    // The first free-shipping bar drawn (seen by a frame loop) against the one on screen at the
    // end: the start-up must never show a figure for a cart the page had not finished drawing.
    firstBarRight: list.filter((r) => r.lastBar && r.firstBar === r.lastBar).length,
    barsSeen: list.filter((r) => r.lastBar).length,
    wrongFirstBars: list.filter((r) => r.lastBar && r.firstBar !== r.lastBar).map((r) => [r.firstBar, r.lastBar]),
  });
  return Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, per(v.filter(Boolean))]));
}

/**
 * Long tasks per load with and without the widget, compared pair by pair (the loads of a pair ran
 * one after the other): how many pairs have more, fewer, the same; the exact two-sided sign test
 * on the pairs that differ; the mean difference with a 95 % bootstrap interval.
 */
export function paired(pairs) {
  const d = pairs.map(([a, b]) => b - a);
  const more = d.filter((x) => x > 0).length;
  const fewer = d.filter((x) => x < 0).length;
  const n = more + fewer;
  const choose = (n, k) => {
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  };
  let tail = 0;
  for (let k = 0; k <= Math.min(more, fewer); k++) tail += choose(n, k);
  const p = n ? Math.min(1, (2 * tail) / 2 ** n) : 1;
  const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  // Deterministic bootstrap (a fixed-seed generator): the same loads give the same interval.
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const means = [];
  for (let i = 0; i < 2000 && d.length; i++) means.push(mean(d.map(() => d[Math.floor(rnd() * d.length)])));
  means.sort((a, b) => a - b);
  return { pairs: d.length, more, fewer, same: d.length - n, signTestP: p, meanDiff: mean(d), ci95: d.length ? [means[49], means[1949]] : null };
}

/** Pairs (without, with) by load, over every shop, for one variant. */
export function pairsOf(raw, variant, measure) {
  const out = [];
  for (const v of Object.values(raw)) {
    const a = v.loads.baseline,
      b = v.loads[variant];
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] && b[i]) out.push([measure(a[i]), measure(b[i])]);
  }
  return out;
}

/** The control's tasks over loads: how many, their median and longest, and how many reached 50 ms. */
const controlSummary = (ms) => ({ tasks: ms.length, medianMs: median(ms), maxMs: Math.max(0, ...ms), over50: ms.filter((x) => x >= 50).length });

export const median = (xs) => {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};

const entry = (report, where) => ({
  tasks: attribute(report),
  widgetFrames: widgetFrames(report),
  entries: widgetEntries(report, where),
  firstBar: report.firstBar ?? null,
  lastBar: report.lastBar ?? null,
});

/** `runs` loads of each shop's cart page in every variant, alternating, with no DevTools attached (1× CPU). */
export async function demoLongTasks({ origin, chromePath, flags, shops, runs, log, where }) {
  const out = {};
  for (const shop of shops) out[shop] = { loads: Object.fromEntries(VARIANTS.map(([k]) => [k, []])), failed: 0 };
  for (let i = 0; i < runs; i++)
    for (const shop of shops)
      for (const [k, query] of i % 2 ? [...VARIANTS].reverse() : VARIANTS) {
        const r = await dump(chromePath, flags, `${origin}/demo/site/shops/${shop}/cart.html?${query}&probe=1`);
        // Failed loads keep their place (null), so that load i without and load i with stay a pair.
        out[shop].loads[k].push(r ? entry(r, (file, pos) => where?.(shop, k, file, pos)) : null);
        if (!r) out[shop].failed++;
      }
  const summary = {};
  for (const [shop, v] of Object.entries(out)) {
    summary[shop] = { ...summarise(v.loads), failedLoads: v.failed };
    log?.(`demo ${shop} 1×: ${VARIANTS.map(([k]) => `${k} ${summary[shop][k].longTasksPerLoad?.toFixed(2)}`).join(', ')} long tasks per load`);
  }
  const count = (e) => e.tasks.length;
  const tbt = (e) => e.tasks.reduce((s, t) => s + Math.max(0, t.ms - 50), 0);
  summary.paired = Object.fromEntries(['widget', 'tailored'].map((k) => [k, { longTasks: paired(pairsOf(out, k, count)), tbtMs: paired(pairsOf(out, k, tbt)) }]));
  return summary;
}

/**
 * The same pages at a CPU slowdown, which only the DevTools protocol can apply: Playwright, so the
 * tasks that make requests are somewhat longer than a shopper's (see above).
 *
 * `from` (a page of the same shop, e.g. `index.html`): each load first opens that page in the same
 * tab and then the cart page, the way a shopper reaches a cart. The browser keeps the tab's
 * process for a page of the same site, and the cart page's tasks (the shop's and the widget's)
 * come out far shorter than on a first page; the files are fetched again all the same (the
 * server says `no-store`), so this is not the HTTP cache. Without `from` the cart page is the
 * first page the tab shows, as for a shopper who opens a link to it.
 */
export async function demoLongTasksThrottled({ browser, origin, shops, runs, cpu, from, control, log, where }) {
  const variants = control ? [...VARIANTS, CONTROL] : VARIANTS;
  const out = {};
  for (const shop of shops) out[shop] = { loads: Object.fromEntries(variants.map(([k]) => [k, []])), failed: 0 };
  for (let i = 0; i < runs; i++)
    for (const shop of shops)
      for (const [k, query] of i % 2 ? [...variants].reverse() : variants) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        try {
          await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
          if (from) {
            await page.goto(`${origin}/demo/site/shops/${shop}/${from}?${query}`, { waitUntil: 'load', timeout: 60000 });
            await page.waitForTimeout(1000);
          }
          await page.goto(`${origin}/demo/site/shops/${shop}/cart.html?${query}&probe=1`, { waitUntil: 'load', timeout: 60000 });
          const r = JSON.parse((await page.getAttribute('html', 'data-bench')) ?? 'null');
          const controlMs = k === 'control' ? JSON.parse((await page.getAttribute('html', 'data-control')) ?? '[]') : undefined;
          out[shop].loads[k].push(r ? { ...entry(r, (file, pos) => where?.(shop, k, file, pos)), controlMs } : null);
          if (!r) out[shop].failed++;
        } catch {
          out[shop].loads[k].push(null);
          out[shop].failed++;
        } finally {
          await context.close();
        }
      }
  const summary = {};
  for (const [shop, v] of Object.entries(out)) {
    summary[shop] = { ...summarise(v.loads), failedLoads: v.failed };
    const c = summary[shop].control?.control;
    log?.(
      `demo ${shop} ${cpu}×${from ? ` after ${from}` : ''}: widget tasks ≥ 50 ms: generic ${summary[shop].widget.widgetEntriesOver50.length}, tailored ${summary[shop].tailored.widgetEntriesOver50.length}${c ? `; control tasks ≥ 50 ms: ${c.over50} of ${c.tasks} (median ${c.medianMs} ms)` : ''}`,
    );
  }
  return summary;
}
