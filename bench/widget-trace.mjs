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
  const [pid, tid] = (key ?? ':').split(':').map(Number);
  const thread = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  return Object.assign(thread, { pid, tid });
}

const urlOf = (e) => {
  const d = e.args?.data ?? e.args?.beginData ?? e.args ?? {};
  return d.url || d.scriptName || d.fileName || d.stackTrace?.[0]?.url || '';
};

/**
 * The sampling profile of the page's main thread, from the trace's `ProfileChunk` events: each
 * sample's time and its stack, leaf first, as call frames.
 */
function samplesOf(events, pid, tid) {
  // Profile ids are per process (every renderer's first is "0x1").
  const mine = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const ids = new Set(mine.map((e) => e.id));
  const start = new Map(mine.map((e) => [e.id, e.args?.data?.startTime ?? e.ts]));
  const nodes = new Map();
  const out = [];
  for (const id of ids) {
    let ts = start.get(id);
    for (const c of events.filter((e) => e.name === 'ProfileChunk' && e.id === id && e.pid === pid)) {
      const p = c.args?.data?.cpuProfile ?? {};
      for (const n of p.nodes ?? []) nodes.set(n.id, n);
      const deltas = c.args?.data?.timeDeltas ?? [];
      (p.samples ?? []).forEach((s, i) => {
        ts += deltas[i] ?? 0;
        out.push({ ts, node: s });
      });
    }
  }
  const stackOf = (id) => {
    const st = [];
    for (let n = nodes.get(id); n; n = nodes.get(n.parent)) st.push(n.callFrame ?? {});
    return st;
  };
  return out.map((s) => ({ ts: s.ts, stack: stackOf(s.node) }));
}

/**
 * Where a task's time went by the sampling profile: per sample, the innermost widget source file
 * on the stack (else the leaf's name: the page's code, `(garbage collector)`, `(program)` — the
 * browser's own work), summed; the five largest, in ms.
 */
function profileOf(samples, from, to, sourceOf) {
  const inTask = samples.filter((s) => s.ts >= from && s.ts < to);
  if (!inTask.length) return [];
  const ms = (to - from) / 1000 / inTask.length;
  const by = new Map();
  for (const s of inTask) {
    const f = s.stack.find((x) => WIDGET_URL.test(x.url ?? ''));
    const name = f
      ? (sourceOf?.({ args: { data: { url: f.url, lineNumber: f.lineNumber + 1, columnNumber: f.columnNumber + 1 } } }) ?? f.url.split('/').pop())
      : s.stack[0]?.url
        ? `page ${s.stack[0].url.split('/').pop()}`
        : (s.stack[0]?.functionName ?? '(idle)');
    by.set(name, (by.get(name) ?? 0) + ms);
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, m]) => `${name} ${Math.round(m * 10) / 10} ms`);
}

/**
 * Splits a trace into tasks: `widget` — tasks in which widget code ran, `rendering` — tasks with
 * style/layout/paint and no script at all (the frames that draw). Durations in ms.
 */
export function widgetTasks(events, pageUrl, sourceOf) {
  const thread = mainThread(events, pageUrl);
  const samples = samplesOf(events, thread.pid, thread.tid);
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
    // A step the widget scheduled with scheduler.yield() is a task of its own whose script is a
    // microtask checkpoint naming no script; the trace names the task. The sample pages do not
    // call scheduler.yield() themselves, so such a task is the widget's.
    const yielded = inside.some((e) => e.name === 'RunYieldContinuation');
    const sum = (re) => inside.filter((e) => re.test(e.name)).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
    // Widget script time: the outermost widget evaluations and calls (they nest).
    const top = [];
    for (const e of ours.filter((x) => x.name === 'EvaluateScript' || x.name === 'FunctionCall')) {
      const last = top[top.length - 1];
      if (!last || e.ts >= last.ts + (last.dur ?? 0)) top.push(e);
    }
    if (yielded && !top.length) top.push(...inside.filter((e) => e.name === 'RunMicrotasks'));
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
    // What the task did at its top level (script, style, GC, parsing…), largest first. The
    // scheduler's own wrappers (a task nested in a task, the microtask checkpoint) hold the
    // work and are looked through.
    const parts = new Map();
    let edge = 0;
    for (const e of inside) {
      if (e.ts < edge || /RunTask$|PerformMicrotaskCheckpoint$/.test(e.name)) continue;
      edge = e.ts + (e.dur ?? 0);
      parts.set(e.name, (parts.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const row = {
      forced,
      parts: [...parts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([n, m]) => `${n} ${Math.round(m * 10) / 10} ms`),
      profile: t.dur >= 40_000 ? profileOf(samples, t.ts, end, sourceOf) : [],
      ms: Math.round(t.dur / 100) / 10,
      // Time the main thread was on a CPU during the task. DevTools' CPU throttling (Linux) spins
      // in a signal handler on that thread, so this holds the 4× slowdown; what the wall time has
      // beyond it is the machine running other work, and the task's wall time grows with no work in it.
      threadMs: t.tdur != null ? Math.round(t.tdur / 100) / 10 : null,
      at: t.ts,
      files: [...new Set(ours.map((e) => urlOf(e).split('/').slice(-3).join('/')))],
      steps: top.map((e) => ({
        name: e.name,
        ms: Math.round((e.dur ?? 0) / 100) / 10,
        file: urlOf(e).split('/').pop().split('?')[0],
        line: e.args?.data?.lineNumber,
        col: e.args?.data?.columnNumber,
        source: sourceOf?.(e) ?? (e.name === 'RunMicrotasks' ? 'a step after scheduler.yield()' : undefined),
      })),
      ...Object.fromEntries(Object.entries(what).map(([k, v]) => [`${k}Ms`, Math.round(v * 10) / 10])),
    };
    // A task the widget started (its script's evaluation, its timer, idle callback, observer or
    // event) is the widget's; one the page started in which a widget callback also ran (a
    // mutation observer inside the shop's own rendering) is the page's, with the widget's share.
    const first = inside.find((e) => /^(EvaluateScript|FunctionCall|v8\.evaluateModule|ParseHTML|EventDispatch)$/.test(e.name));
    row.own = yielded || (!!first && WIDGET_URL.test(urlOf(first)));
    if (ours.length || yielded) out.widget.push(row);
    else if (!scripts.some((e) => e.name === 'EvaluateScript' || e.name === 'FunctionCall') && what.layout + what.style + what.paint > 0) out.rendering.push(row);
  }
  const t0 = tasks[0]?.ts ?? 0;
  for (const r of [...out.widget, ...out.rendering]) r.at = Math.round((r.at - t0) / 1000);
  return out;
}

/** One traced load of `url` at `cpu`× slowdown: the widget's tasks and the rendering tasks. */
export async function traceWidget({ browser, url, cpu, settleMs = 3500, viewport = { width: 1280, height: 800 }, sourceOf, profile = false }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    // `.stack`: the script stack of every style and layout that script forced.
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.stack',
        'v8.execute',
        'v8',
        'blink.user_timing',
        'toplevel',
        ...(profile ? ['disabled-by-default-v8.cpu_profiler'] : []),
      ],
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

/** The name widgetCalls gives a microtask checkpoint that names no script. */
export const UNNAMED = 'RunMicrotasks (no script named)';

/**
 * The widget's script calls (its file's evaluation, a timer or observer callback, the microtasks
 * of a scheduled step), outermost only, each with its wall time and the time the main thread was
 * on a CPU during it. Traced with the two light categories only: the full trace above records a
 * stack for every event and lengthens the tasks it measures.
 */
export function widgetCalls(events, pageUrl, whose = 'widget') {
  const thread = mainThread(events, pageUrl);
  const calls = thread.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'RunMicrotasks') && e.tdur != null);
  const out = [];
  let edge = 0;
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i];
    if (c.ts < edge) continue;
    edge = c.ts + c.dur;
    let ours = WIDGET_URL.test(urlOf(c));
    let named = !!urlOf(c);
    for (let k = i + 1; !ours && k < calls.length && calls[k].ts < edge; k++) {
      ours = WIDGET_URL.test(urlOf(calls[k]));
      named ||= !!urlOf(calls[k]);
    }
    // A step the widget scheduled with scheduler.yield() runs as a microtask checkpoint that names
    // no script: counted as the widget's. The page's own such checkpoints are counted with them
    // (calls4x loads the page without the widget too, to show how many and how long they are).
    const unnamed = !ours && !named && c.name === 'RunMicrotasks';
    // `page`: the page's own calls instead (on a page without the widget, every call), the control
    // for how far this machine stretches a call's wall time beyond its time on the CPU.
    if (whose === 'page' ? !ours : ours || unnamed) out.push({ name: unnamed ? UNNAMED : c.name, ms: Math.round(c.dur / 100) / 10, threadMs: Math.round(c.tdur / 100) / 10 });
  }
  return out;
}

/** One load of `url` at `cpu`×, lightly traced: the widget's script calls (see widgetCalls). */
export async function traceCalls({ browser, url, cpu, settleMs = 3000, viewport = { width: 1280, height: 800 }, whose = 'widget' }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  try {
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute'] });
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await page.waitForTimeout(settleMs);
    const buf = await browser.stopTracing();
    return widgetCalls(JSON.parse(buf.toString('utf8')).traceEvents ?? [], new URL(url).pathname, whose);
  } finally {
    await context.close();
  }
}
