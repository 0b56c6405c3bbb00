import { render } from 'preact';
import type { Config } from '../config/types';
import type { Decision, Prompt, ProductView } from '../offers/types';
import { errorOnce, guard, setLang, t as say } from '../util/log';
import { App } from './App';
import { idOf, keyOf, type Ctx, type Outcome, type PromptState } from './context';
import { attachHost, placeHost, slotRoot, whenOnScreen } from './host';
import { formatMoney } from './money';
import { textFor } from './strings';
import { createSheet } from './styles';
import { keepClear } from './clear';
import { afterFrame } from '../util/tasks';

export interface UIHandlers {
  /** A prompt became visible (impression): once each time it appears. */
  onShow(prompt: Prompt): void;
  /** `item`: which cross-sell item was added. */
  onAccept(prompt: Prompt, item?: ProductView): Promise<{ ok: boolean; message?: string }>;
  onDecline(prompt: Prompt): void;
  onDismiss(prompt: Prompt): void;
  /** Adds a free-shipping gap filler; without it the chips link to the product pages. */
  onAddGapFiller?(product: ProductView): Promise<{ ok: boolean; message?: string }>;
  /** A dialog is open on screen: its impression counts now (set by the UI itself). */
  onOpen?(prompt: Prompt): void;
  /** The page's checkout / cart buttons and total: no overlay may cover them. */
  keepClear?(): Element[];
}

export interface UI {
  /** Shows exactly this decision (null: nothing). */
  update(decision: Decision | null): void;
  /** Removes every element, listener and timer the UI made. */
  destroy(): void;
  readonly host: HTMLElement;
}

/** A decision's prompts in drawing order: the free-shipping bar (key `bar`) first. */
const keysOf = (d: Decision | null): string[] => {
  if (!d) return [];
  const out = d.bar ? ['bar'] : [];
  if (d.holdout) return out;
  for (const p of [d.modal, ...(d.panels ?? []), d.volume]) if (p) out.push(keyOf(p));
  return out;
};

const failed = (err: unknown): Outcome => {
  errorOnce(say('could not add to the cart; the shop is unaffected.', 'カートに入れられませんでした（ショップには影響ありません）。'), err);
  return { ok: false };
};

/**
 * Strings, money, guarded handlers and per-prompt state for the components; `hide` takes a
 * prompt off screen, `paint` re-renders after a state change.
 */
export function makeCtx(config: Config, handlers: UIHandlers, hide: (p: Prompt) => void, paint: () => void, store = new Map<string, PromptState>()): Ctx {
  const locale = (__LOCALE__ ? __LOCALE__ === 'en' : config.locale === 'en') ? 'en' : 'ja';
  // The prompt file is a script of its own: its console messages learn the merchant's language here.
  setLang(config.locale);
  const t = textFor(config);
  const call = (fn: () => Promise<Outcome>): Promise<Outcome> => {
    try {
      return Promise.resolve(fn()).catch(failed);
    } catch (err) {
      return Promise.resolve(failed(err));
    }
  };
  return {
    t,
    lang: locale,
    money: (n, cur) => formatMoney(n, cur, config.moneyFormat === 'suffix' ? 'suffix' : 'symbol', locale),
    price: (n, cur) => formatMoney(n, cur, config.moneyFormat === 'suffix' ? 'suffix' : 'symbol', locale) + (String(cur).toUpperCase() === 'JPY' ? t('price.taxIn') : ''),
    accept: (p, item) => call(() => handlers.onAccept(p, item)),
    addFiller: handlers.onAddGapFiller ? (product) => call(() => handlers.onAddGapFiller!(product)) : null,
    leave: guard('closing a prompt', (p: Prompt, how: 'decline' | 'dismiss') => {
      hide(p);
      (how === 'decline' ? handlers.onDecline : handlers.onDismiss).call(handlers, p);
    }),
    done: hide,
    opened: (p) => handlers.onOpen?.(p),
    st: (k) => store.get(k) ?? {},
    set: (k, patch) => {
      store.set(k, { ...store.get(k), ...patch });
      paint();
    },
  };
}

/**
 * Creates the widget's one host element (`<cart-upsell data-cart-upsell>` with an open shadow
 * root) on <body> — or as soon as <body> exists — and renders decisions into it. `sheet`: the
 * style sheet made beforehand (createSheet), so parsing it is not part of this task.
 */
export function createUI(config: Config, handlers: UIHandlers, doc: Document = document, sheet = createSheet(doc, config.theme)): UI {
  const host = doc.createElement('cart-upsell');
  host.setAttribute('data-cart-upsell', '');
  const root = attachHost(host, sheet);
  const slots = new Map<string, ShadowRoot>();
  // Two pieces of state and one render function. @preact/signals would add 3.4 KB gzip (its
  // runtime and preact/hooks) and, measured on the floor component (bench/floor.mjs), updates a
  // text node no faster than this render does; the prompts change once per shopper action.
  const state = { decision: null as Decision | null, hidden: new Set<string>() as ReadonlySet<string> };
  const store = new Map<string, PromptState>();
  let shown = new Set<string>();
  let mounted = false;
  let dead = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const slot = (sel: string) => slotRoot(doc, sel, sheet, slots);
  /**
   * Prompts decided but not drawn yet, in drawing order. A decision without a dialog that brings
   * several new prompts draws them one at a time, the free-shipping bar first: a first bar, two
   * cards and a volume line drawn together took up to 45 ms of script at 4× CPU. A dialog and
   * whatever comes with it are drawn at once: the shopper is waiting on it (a checkout click).
   * Each next one waits for a frame, so the browser's style, layout and paint of each (its images
   * too) come in a frame of their own: drawn in one go, a first bar and two cards with images made
   * a 51–64 ms frame at normal CPU.
   */
  let later: string[] = [];
  let drawing: (() => void) | undefined;
  /** Off screen: closed by the shopper, or decided and not drawn yet. */
  const offScreen = (): ReadonlySet<string> => (later.length ? new Set([...state.hidden, ...later]) : state.hidden);
  const paint = () => {
    if (!mounted || dead) return;
    // Shops that swap <body> on navigation (Turbo, PJAX) would drop the host: put it back.
    if (!host.isConnected) placeHost(doc, host);
    render(<App decision={state.decision} hidden={offScreen()} ctx={ctx} config={config} slot={slot} />, root);
    // A countdown line is redrawn twice a minute, only while one is on screen.
    const d = state.decision;
    const ticking = !!d && [d.modal, ...(d.panels ?? [])].some((p) => p?.proof?.endsAt && !state.hidden.has(keyOf(p)));
    if (ticking && !timer) timer = setInterval(guard('countdown', paint), 30_000);
    if (!ticking && timer) timer = void clearInterval(timer);
  };
  const hide = (p: Prompt) => {
    state.hidden = new Set(state.hidden).add(keyOf(p));
    paint();
  };
  /**
   * Impressions: a prompt counts once each time it comes on screen — inside the viewport, not
   * just rendered (a card in a slot below the fold counts when scrolled to). Watching starts in
   * the task after the render — events, visitor state and their storage writes are not part of
   * drawing — and an answer to a prompt always reports its impression first.
   */
  let due: Prompt[] = [];
  let counting: ReturnType<typeof setTimeout> | undefined;
  /** Prompts rendered and not yet counted: key → stop watching. */
  const watching = new Map<string, () => void>();
  const boxOf = (p: Prompt): Element | null => {
    const id = idOf(p);
    for (const r of [root, ...slots.values()]) {
      const el = r.getElementById?.(id);
      if (el) return el.closest('dialog,section,.c') ?? el;
    }
    return null;
  };
  const count = (p: Prompt) => {
    const k = keyOf(p);
    const stop = watching.get(k);
    if (!stop) return;
    watching.delete(k);
    stop();
    if (!dead) guard('impression', handlers.onShow).call(handlers, p);
  };
  /**
   * Dialogs open on screen. A modal counts as seen when showModal() ran — not when decided or laid
   * out while still hidden — so the session's modal cap counts what the shopper saw.
   */
  const open = new Set<string>();
  const opened = (p: Prompt) => {
    open.add(keyOf(p));
    count(p);
  };
  const report = () => {
    clearTimeout(counting);
    counting = undefined;
    const list = due;
    due = [];
    for (const p of list) {
      const k = keyOf(p);
      if (dead || watching.has(k)) continue;
      watching.set(k, () => {});
      if (p.kind === 'upsell' || p.kind === 'downsell') {
        if (open.has(k)) count(p);
        continue;
      }
      const stop = guard('impression', whenOnScreen)(boxOf(p), () => count(p));
      if (watching.has(k)) watching.set(k, stop ?? (() => {}));
    }
  };
  /** The prompt is being answered: it was seen. */
  const seen = (p: Prompt) => {
    if (due.some((d) => keyOf(d) === keyOf(p))) report();
    count(p);
  };
  const countShown = () => {
    const d = state.decision;
    if (!mounted || !d || d.holdout) return;
    const now = new Set<string>();
    const off = offScreen();
    for (const p of [d.modal, ...(d.panels ?? []), d.volume]) {
      if (!p || off.has(keyOf(p))) continue;
      now.add(keyOf(p));
      if (!shown.has(keyOf(p))) due.push(p);
    }
    shown = now;
    for (const k of open) if (!now.has(k)) open.delete(k);
    // Gone before it was seen: not an impression.
    for (const [k, stop] of watching) if (!now.has(k)) (watching.delete(k), stop());
    due = due.filter((p) => now.has(keyOf(p)));
    if (due.length) counting ??= setTimeout(report);
  };
  const answers: UIHandlers = {
    onShow: handlers.onShow,
    onAccept: (p, item) => (seen(p), handlers.onAccept(p, item)),
    onDecline: (p) => (seen(p), handlers.onDecline(p)),
    onDismiss: (p) => (seen(p), handlers.onDismiss(p)),
    onAddGapFiller: handlers.onAddGapFiller && ((product) => (report(), handlers.onAddGapFiller!(product))),
    onOpen: opened,
  };
  const ctx = makeCtx(config, answers, hide, paint, store);

  const win = doc.defaultView;
  const clear = win && handlers.keepClear ? keepClear(root, win, () => handlers.keepClear!()) : null;
  /** Renders the state, keeps overlays clear of the page's checkout, counts what came on screen, and schedules the prompt waiting next. */
  const redraw = () => {
    paint();
    clear?.check();
    countShown();
    if (later.length && !drawing) drawing = afterFrame(doc, step);
  };
  const mount = guard('showing the widget', () => {
    if (dead || mounted || !doc.body) return;
    placeHost(doc, host);
    mounted = true;
    redraw();
  });
  /** Draws the next prompt waiting for its turn. */
  const step = guard('showing prompts', () => {
    drawing = undefined;
    if (dead || !later.length) return;
    later = later.slice(1);
    redraw();
  });
  const onReady = () => mount();
  if (doc.body) mount();
  else doc.addEventListener('DOMContentLoaded', onReady, { once: true });

  return {
    host,
    update: guard('update', (next: Decision | null) => {
      if (dead) return;
      // A prompt closed by the shopper stays closed until a decision no longer holds it.
      const live = new Set<string>();
      for (const p of [next?.modal, ...(next?.panels ?? []), next?.volume]) if (p) live.add(keyOf(p));
      state.hidden = new Set([...state.hidden].filter((k) => live.has(k)));
      for (const k of store.keys()) if (!live.has(k) && k !== 'bar') store.delete(k);
      // On screen now: the last decision's prompts that were drawn. New ones wait their turn
      // after the first of them, unless a dialog is among them.
      const drawn = new Set(keysOf(state.decision).filter((k) => !later.includes(k)));
      const fresh = keysOf(next).filter((k) => !drawn.has(k) && !state.hidden.has(k));
      later = next?.modal && !next.holdout ? [] : fresh.slice(1);
      state.decision = next;
      redraw();
    }),
    destroy: guard('stop', () => {
      if (dead) return;
      dead = true;
      clear?.stop();
      clearInterval(timer);
      clearTimeout(counting);
      drawing?.();
      due = [];
      for (const stop of watching.values()) stop();
      watching.clear();
      doc.removeEventListener('DOMContentLoaded', onReady);
      if (mounted) render(null, root);
      host.remove();
      for (const r of slots.values()) r.host.remove();
      slots.clear();
    }),
  };
}
