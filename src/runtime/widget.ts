import type { Cart } from '../types';
import type { Config, Trigger } from '../config/types';
import type { Decision, Prompt, ProductView, UpsellPrompt, VisitorState } from '../offers/types';
import { readCart } from '../cart/read';
import { detectPlatform } from '../platforms';
import { watchCart } from '../cart/watch';
import { decide } from '../offers/decide';
import { loadState, recordImpression, recordOutcome, saveState } from '../offers/state';
import type { UI } from '../ui/mount';
import { createTracker, type Tracker } from '../events/tracker';
import type { OrderInput } from '../events/order';
import { inHoldout } from '../offers/hash';
import { loadPrompts, type PromptModule } from '#prompts';
import { safeStorage } from '../util/storage';
import { errorOnce, guard } from '../util/log';
import { interceptCheckout, onExitIntent } from './checkout';

export interface Running {
  stop(): void;
  /** Re-reads the cart and re-decides (for single-page shops after a navigation). */
  refresh(trigger?: Trigger): void;
  /** Reports a placed order (the thank-you page): checked and sent from the prompt file, which only that page needs. */
  order(input: OrderInput): void;
}

type Outcome = { ok: boolean; message?: string };

/** Wires cart reading, the offer engine, the prompts and event delivery together for one page. */
export function runWidget(config: Config, doc: Document): Running {
  const win = doc.defaultView ?? window;
  const local = safeStorage('local');
  const session = safeStorage('session');
  const cleanups: (() => void)[] = [];

  let state: VisitorState = loadState(local, session, Date.now(), Math.random, config.privacy?.visitorMonths);
  let cart: Cart = { currency: config.cart?.currency ?? 'JPY', items: [], subtotal: 0 };
  let tracker: Tracker | null = null;
  let ui: UI | null = null;
  /** The prompts and cart actions, loaded the first time a decision has something to show. */
  let prompts: PromptModule | null = null;
  let loading = false;
  let latest: Decision | null = null;
  /** The modal on screen stays until the shopper answers it, whatever later decisions say. */
  let openModal: UpsellPrompt | null = null;
  let afterModal: (() => void) | null = null;
  /** Offers already counted as "would have shown" for a holdout visitor on this page. */
  const holdoutSeen = new Set<string>();
  /** Offers on screen now: the engine keeps them there even when their daily cap was just reached. */
  const onScreen = new Set<string>();
  let stopped = false;

  const read = (): Cart => (config.readCart ? config.readCart() : readCart(config.cart, doc));
  const save = () => saveState(local, session, state);
  const page = () => ({ path: win.location?.pathname ?? '/', mobile: !!win.matchMedia?.('(max-width: 639px)').matches });

  const decideNow = (trigger: Trigger, cfg: Config = config): Decision =>
    decide({ cart, config: cfg, state, trigger, now: Date.now(), page: page(), onScreen: [...onScreen] });

  const ensureTracker = (holdout: boolean): Tracker =>
    (tracker ??= createTracker({ config, visitorId: state.visitorId, sessionId: state.sessionId, holdout, storage: local }));

  /** A holdout visitor sees nothing; the prompts they would have seen are counted, so lift can be measured. */
  function countHoldout(trigger: Trigger): void {
    const would = decideNow(trigger, { ...config, holdout: 0 });
    const t = ensureTracker(true);
    for (const p of [would.modal, ...would.panels]) {
      if (!p || holdoutSeen.has(p.offerId)) continue;
      holdoutSeen.add(p.offerId);
      t.track('impression', p, cart);
      state = recordImpression(state, p, Date.now());
    }
    save();
  }

  /** Offers whose price this platform cannot charge: known, and left out, once the cart actions are loaded. */
  let unpriced: Set<string> | undefined;
  const priced = (d: Decision): Decision =>
    prompts ? prompts.withoutUnchargeable(d, (unpriced ??= prompts.unchargeable(config, prompts.platformFor(config, cart.platform ?? detectPlatform(doc))))) : d;

  function evaluate(trigger: Trigger): boolean {
    if (stopped) return false;
    prompts?.checkDrift(config, cart);
    const decision = priced(decideNow(trigger));
    ensureTracker(decision.holdout);
    if (decision.holdout) countHoldout(trigger);
    let shownModal = false;
    if (openModal) decision.modal = openModal;
    else if (decision.modal) {
      openModal = decision.modal;
      shownModal = true;
    }
    show(decision);
    return shownModal;
  }

  function show(decision: Decision): void {
    latest = decision;
    if (ui) return ui.update(decision);
    const content = decision.bar || decision.modal || decision.panels.length || decision.volume;
    if (!content || loading) return;
    loading = true;
    // The first render gets a task of its own, apart from evaluating the prompt file.
    const first = guard('showing prompts', () => {
      if (stopped || ui || !prompts) return;
      prompts.checkDrift(config, cart);
      if (latest) latest = priced(latest);
      // A modal decided before the platform was known, whose price it cannot charge: never shown,
      // and a checkout click it held goes on.
      if (openModal && unpriced?.has(openModal.offerId)) {
        openModal = null;
        continueAfterModal();
      }
      ui = prompts.createUI(config, handlers, doc);
      if (latest) ui.update(latest);
    });
    loadPrompts().then(
      (m: PromptModule) => {
        prompts = m;
        const r = setTimeout(first);
        cleanups.push(() => clearTimeout(r));
      },
      (err: unknown) => {
        loading = false;
        errorOnce(`${err instanceof Error ? err.message : String(err)}; no prompt is shown, the shop is unaffected.`);
      },
    );
  }

  function closeModal(prompt: Prompt): void {
    onScreen.delete(prompt.offerId);
    if (openModal && prompt === openModal) openModal = null;
  }

  function continueAfterModal(): void {
    if (openModal || !afterModal) return;
    const go = afterModal;
    afterModal = null;
    go();
  }

  /** After the `cart-upsell:accept` event: the page's handler, the onAccept hook, or the platform. */
  async function carryOut(event: unknown, prevented: boolean, prompt: Prompt, item?: ProductView): Promise<Outcome> {
    if (prevented) return { ok: true };
    if (config.onAccept) {
      try {
        return (await config.onAccept(event)) === false ? { ok: false } : { ok: true };
      } catch (err) {
        return { ok: false, message: err instanceof Error ? err.message : undefined };
      }
    }
    const m = prompts ?? (await loadPrompts());
    return m.performAccept({ prompt, item, config, cart, platform: m.platformFor(config, cart.platform ?? detectPlatform(doc)), doc });
  }

  async function accept(prompt: Prompt, item?: ProductView): Promise<Outcome> {
    const t = ensureTracker(false);
    const { event, prevented } = t.track('accept', prompt, cart, { item });
    state = recordOutcome(state, prompt, 'accept', Date.now(), config.caps);
    save();
    const result = await carryOut(event, prevented, prompt, item);
    if (!result.ok) t.track('accept-failed', prompt, cart, { item, reason: result.message });
    else if (prompt.kind === 'upsell' || prompt.kind === 'downsell') closeModal(prompt);
    if (result.ok) {
      refresh('cart-change');
      continueAfterModal();
    }
    return result;
  }

  /** A gap-filler chip on the free-shipping bar: added like a cross-sell item, reported as free-shipping. */
  async function addGapFiller(product: ProductView): Promise<Outcome> {
    const t = ensureTracker(false);
    const trackable = { offerId: 'free-shipping', offerType: 'free-shipping' as const, value: product.price, currency: cart.currency, variant: null, items: [product] };
    const { event, prevented } = t.track('accept', trackable, cart, { item: product });
    const asPrompt: Prompt = { ...trackable, kind: 'cross-sell', text: {}, proof: {}, anchor: cart.items[0] };
    const result = await carryOut(event, prevented, asPrompt, product);
    if (!result.ok) t.track('accept-failed', trackable, cart, { item: product, reason: result.message });
    else refresh('cart-change');
    return result;
  }

  // After a "no" the engine decides again: a declined upsell may have a downsell, shown once, right away.
  const answered = (how: 'decline' | 'dismiss') =>
    guard(how, (prompt: Prompt) => {
      ensureTracker(false).track(how, prompt, cart);
      state = recordOutcome(state, prompt, how, Date.now(), config.caps);
      save();
      closeModal(prompt);
      evaluate('cart-change');
      continueAfterModal();
    });

  const handlers = {
    onAddGapFiller: (product: ProductView): Promise<Outcome> =>
      addGapFiller(product).catch((err) => {
        errorOnce('could not add a free-shipping suggestion; the shop is unaffected.', err);
        return { ok: false };
      }),
    onShow: guard('impression', (prompt: Prompt) => {
      ensureTracker(false).track('impression', prompt, cart);
      onScreen.add(prompt.offerId);
      state = recordImpression(state, prompt, Date.now());
      save();
    }),
    onAccept: (prompt: Prompt, item?: ProductView): Promise<Outcome> =>
      accept(prompt, item).catch((err) => {
        errorOnce('could not carry out an accepted offer; the shop is unaffected.', err);
        return { ok: false };
      }),
    onDecline: answered('decline'),
    onDismiss: answered('dismiss'),
  };

  // A single-page shop that navigates to its cart re-renders it: that is a cart view, not a change.
  let href = '';
  const navigated = () => href !== (href = String(doc.location?.href));

  function refresh(trigger: Trigger = 'cart-view'): void {
    if (stopped) return;
    cart = read();
    navigated();
    evaluate(trigger);
  }

  const boot = guard('start', () => {
    if (stopped) return;
    refresh('cart-view');
    cleanups.push(
      watchCart(config.cart ?? {}, guard('cart change', (next: Cart) => {
        cart = config.readCart ? read() : next;
        evaluate(navigated() ? 'cart-view' : 'cart-change');
      }), doc),
      interceptCheckout(doc, config.cart?.checkout, (resume) => {
        cart = read();
        const shown = evaluate('checkout');
        if (shown) afterModal = resume;
        return shown;
      }),
      onExitIntent(doc, guard('exit intent', () => evaluate('exit-intent'))),
    );
  });

  // Nothing here is urgent: the shop's own scripts go first, and reading + deciding runs in a
  // task of its own — not at the end of the config's fetch-and-check microtasks, and not inside
  // the page's DOMContentLoaded task, which already holds the shop's own start-up work.
  let t: ReturnType<typeof setTimeout> | undefined;
  const later = () => (t = setTimeout(boot));
  cleanups.push(() => clearTimeout(t));
  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', later, { once: true });
    cleanups.push(() => doc.removeEventListener('DOMContentLoaded', later));
  } else later();

  return {
    stop() {
      stopped = true;
      for (const c of cleanups.splice(0)) guard('stop', c)();
      ui?.destroy();
      ui = null;
      tracker?.destroy();
      tracker = null;
    },
    refresh: guard('refresh', refresh),
    order(input) {
      const holdout = inHoldout(state.visitorId, config.holdout);
      const who = { visitorId: state.visitorId, sessionId: state.sessionId, holdout };
      loadPrompts().then(
        (m) => guard('trackOrder', m.sendOrder)(input, who, local, () => ensureTracker(holdout), config.cart?.currency ?? 'JPY'),
        (err: unknown) => errorOnce('trackOrder: not sent', err),
      );
    },
  };
}
