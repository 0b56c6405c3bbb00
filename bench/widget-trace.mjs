// The widget's own tasks, from a trace: every main-thread task in which a widget file ran
// (evaluated, compiled, or called back: timers, idle callbacks, events, observers, microtasks),
// with how long it took, what ran inside it, and any style or layout that script forced (with
// the widget file whose call forced it). A long-task observer only says that a task was
// long; the trace names the script. Tasks in which no widget code ran but which drew the
// widget's prompts (the frame after a render) are listed apart, as rendering tasks, with the
// same page's rendering tasks without the widget beside them.
const WIDGET_URL = /\/cart-upsell(-ui)?\.js(\?|$)/;

/** Main-thread events of the page's renderer, from a Chromium trace. */
function mainThread(events, pageUrl) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onPage = new Set(events.filter((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').includes(pageUrl)).map((e) => `${e.pid}:${e.tid}`));
  const key = [...onPage].find((k) => mains.has(k)) ?? [...onPage][0];
  return events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X').sort((a, b) => a.ts - b.ts);
}

const urlOf = (e) => {
  const d = e.args?.data ?? e.args?.beginData ?? e.args ?? {};
  return d.url || d.scriptName || d.fileName || d.stackTrace?.[0]?.url || '';
};

/**
 * Splits a trace into tasks: `widget` — tasks in which widget code ran, `rendering` — tasks with
 * style/layout/paint and no script at all (the frames that draw). Durations in ms.
 */
export function widgetTasks(events, pageUrl, sourceOf) {
  const thread = mainThread(events, pageUrl);
  // Outermost tasks only (Chromium nests RunTask inside ThreadControllerImpl::RunTask).
  const tasks = [];
  for (const e of thread) {
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + last.dur) continue;
    tasks.push(e);
  }
  const out = { widget: [], rendering: [] };
  let j = 0;
  for (const t of tasks) {
    const end = t.ts + t.dur;
    while (j < thread.length && thread[j].ts < t.ts) j++;
    const inside = [];
    for (let k = j; k < thread.length && thread[k].ts < end; k++) if (thread[k] !== t) inside.push(thread[k]);
    const scripts = inside.filter(
      (e) =>
        /^(EvaluateScript|FunctionCall|v8\.compile|v8\.run|TimerFire|FireIdleCallback|EventDispatch|V8\.ParseFunction|v8\.callFunction|RunMicrotasks|ParseScript)$/.test(e.name) ||
        e.name.startsWith('v8.'),
    );
    const ours = scripts.filter((e) => WIDGET_URL.test(urlOf(e)));
    const sum = (re) => inside.filter((e) => re.test(e.name)).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
    // Widget script time: the outermost widget evaluations and calls (they nest).
    const top = [];
    for (const e of ours.filter((x) => x.name === 'EvaluateScript' || x.name === 'FunctionCall')) {
      const last = top[top.length - 1];
      if (!last || e.ts >= last.ts + (last.dur ?? 0)) top.push(e);
    }
    const what = {
      script: top.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
      layout: sum(/^Layout$/),
      style: sum(/^(UpdateLayoutTree|RecalculateStyles)$/),
      paint: sum(/^(Paint|PrePaint|Layerize|UpdateLayer)$/),
    };
    // A style or layout that script forced (read a box, a computed style) carries the script's
    // stack; the rendering step's own do not. Named by the first widget frame of that stack.
    const forced = inside
      .filter((e) => /^(Layout|UpdateLayoutTree)$/.test(e.name) && e.args?.beginData?.stackTrace?.length)
      .map((e) => {
        const st = e.args.beginData.stackTrace;
        const f = st.find((x) => WIDGET_URL.test(x.url ?? '')) ?? st[0];
        return {
          name: e.name,
          ms: Math.round((e.dur ?? 0) / 100) / 10,
          source:
            sourceOf?.({ args: { data: f } }) ??
            `${f.functionName || '?'} ${String(f.url ?? '')
              .split('/')
              .pop()}`,
        };
      });
    const row = {
      forced,
      ms: Math.round(t.dur / 100) / 10,
      at: t.ts,
      files: [...new Set(ours.map((e) => urlOf(e).split('/').slice(-3).join('/')))],
      steps: top.map((e) => ({
        name: e.name,
        ms: Math.round((e.dur ?? 0) / 100) / 10,
        file: urlOf(e).split('/').pop().split('?')[0],
        line: e.args?.data?.lineNumber,
        col: e.args?.data?.columnNumber,
        source: sourceOf?.(e),
      })),
      ...Object.fromEntries(Object.entries(what).map(([k, v]) => [`${k}Ms`, Math.round(v * 10) / 10])),
    };
    // A task the widget started (its script's evaluation, its timer, idle callback, observer or
    // event) is the widget's; one the page started in which a widget callback also ran (a
    // mutation observer inside the shop's own rendering) is the page's, with the widget's share.
    const first = inside.find((e) => /^(EvaluateScript|FunctionCall|v8\.evaluateModule|ParseHTML|EventDispatch)$/.test(e.name));
    row.own = !!first && WIDGET_URL.test(urlOf(first));
    if (ours.length) out.widget.push(row);
    else if (!scripts.some((e) => e.name === 'EvaluateScript' || e.name === 'FunctionCall') && what.layout + what.style + what.paint > 0) out.rendering.push(row);
  }
  const t0 = tasks[0]?.ts ?? 0;
  for (const r of [...out.widget, ...out.rendering]) r.at = Math.round((r.at - t0) / 1000);
  return out;
}

/** One traced load of `url` at `cpu`× slowdown: the widget's tasks and the rendering tasks. */
export async function traceWidget({ browser, url, cpu, settleMs = 3500, viewport = { width: 1280, height: 800 }, sourceOf }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    // `.stack`: the script stack of every style and layout that script forced.
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'v8.execute', 'v8', 'blink.user_timing', 'toplevel'],
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await page.waitForTimeout(settleMs);
    const bar = await page.evaluate(() => {
      for (const h of document.querySelectorAll('[data-cart-upsell], cart-upsell-slot')) {
        const s = h.shadowRoot?.querySelector('[role="status"]');
        if (s) return s.textContent;
      }
      return null;
    });
    const buf = await browser.stopTracing();
    const events = JSON.parse(buf.toString('utf8')).traceEvents ?? [];
    return { ...widgetTasks(events, new URL(url).pathname, sourceOf), bar };
  } finally {
    await context.close();
  }
}
