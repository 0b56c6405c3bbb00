import type { Cart } from '../types';
import type { Config, Trigger } from '../config/types';
import type { Decision, Prompt, ProductView, UpsellPrompt, VisitorState } from '../offers/types';
import { readCart, readInSlices } from '../cart/read';
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
import { errorOnce, guard, t } from '../util/log';
import { checkoutButtons, interceptCheckout, onExitIntent } from './checkout';
import { all, plan } from '../cart/read';

/** Links to the cart page and what the merchant marks: never under an overlay. */
const KEEP_CLEAR = '[data-cart-upsell-keep-clear],a[href$="/cart"],a[href$="cart.html"],a[href*="/cart?"]';
import { afterStable } from './settle';
import { nextTask } from '../util/tasks';
import { pageOrder } from './page-order';

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
  /** Prompts (kind:offer) already counted on this page view: an impression is one per offer per page view. */
  const counted = new Set<string>();
  /** Offers on screen now: they keep their place in the attention budget until answered or no longer true. */
  const onScreen = new Set<string>();
  /**
   * Whether the shopper has done anything on the page since the cart was last read. A cart that
   * changes without it is the page still drawing (a cart fetched after load, a theme's script):
   * a first read, a cart view — never an "add" that would pop up an upgrade on a plain page view.
   */
  let touched = false;
  let stopped = false;

  const read = (): Cart => (config.readCart ? config.readCart() : readCart(config.cart, doc));
  const save = () => saveState(local, session, state);
  const page = () => ({ path: win.location?.pathname ?? '/', mobile: !!win.matchMedia?.('(max-width: 639px)').matches });

  /** Offers whose price this platform cannot charge: known once the cart actions are loaded. */
  let unpriced: Set<string> | undefined;
  /** Offers whose price differs from the one the platform publishes: never shown. */
  let mispriced: Set<string> = new Set();
  const decideNow = (trigger: Trigger, cfg: Config = config, quiet = false): Decision =>
    decide({ cart, config: cfg, state, trigger, now: Date.now(), page: page(), onScreen: [...onScreen], quiet, unchargeable: unpriced && [...unpriced] });
  const keyOf = (p: Prompt) => `${p.kind}:${p.offerId}`;

  const ensureTracker = (holdout: boolean): Tracker => (tracker ??= createTracker({ config, visitorId: state.visitorId, sessionId: state.sessionId, holdout, storage: local }));

  /** A holdout visitor sees nothing; the prompts they would have seen are counted, so lift can be measured. */
  function countHoldout(trigger: Trigger, quiet: boolean): void {
    const would = decideNow(trigger, { ...config, holdout: 0 }, quiet);
    const t = ensureTracker(true);
    for (const p of [would.modal, ...would.panels, would.volume]) {
      if (!p || counted.has(keyOf(p))) continue;
      counted.add(keyOf(p));
      t.track('impression', p, cart);
      state = recordImpression(state, p, Date.now());
    }
    save();
  }

  /** The last moment decided: decided again once the unchargeable offers are known. */
  let moment: [Trigger, boolean] = ['cart-view', false];

  /** Decides and shows. `quiet`: right after an answer, nothing new but a fallback to a "no". */
  function evaluate(trigger: Trigger, quiet = false): boolean {
    if (stopped) return false;
    prompts?.checkDrift(config, cart);
    moment = [trigger, quiet];
    const decision = decideNow(trigger, config, quiet);
    ensureTracker(decision.holdout);
    if (decision.holdout) countHoldout(trigger, quiet);
    // A prompt no longer in the decision (its item left the cart, it was answered) is off screen.
    const live = new Set([decision.modal, ...decision.panels, decision.volume].map((p) => p?.offerId));
    if (openModal) live.add(openModal.offerId);
    // While a modal stands in front, the cards it displaced keep their claim and come back after.
    if (!decision.modal) for (const id of onScreen) if (!live.has(id)) onScreen.delete(id);
    let shownModal = false;
    if (openModal) {
      // The modal on screen keeps the whole budget until it is answered.
      decision.modal = openModal;
      decision.panels = decision.panels.filter((p) => onScreen.has(p.offerId));
      if (decision.volume && !onScreen.has(decision.volume.offerId)) decision.volume = null;
    } else if (decision.modal && doc.visibilityState === 'hidden') {
      // Nobody would see it: it waits for a moment the shopper is there.
      decision.modal = null;
    } else if (decision.modal) {
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
    // The first render gets tasks of its own, apart from evaluating the prompt file: what the
    // platform can charge and the style sheet in one, the host in the next, drawing after that.
    // Parsing the sheet was half of the host's task (13 ms on the CPU at 4×, median).
    let sheet: CSSStyleSheet | undefined;
    const first = guard('showing prompts', () => {
      if (stopped || ui || !prompts) return;
      sheet = prompts.createSheet(doc, config.theme);
      prompts.checkDrift(config, cart);
      const platform = prompts.platformFor(config, cart.platform ?? detectPlatform(doc));
      prompts.prepareAccept(platform);
      unpriced = new Set([...prompts.unchargeable(config, platform), ...mispriced]);
      // A decision made before the platform was known held an offer it cannot charge: decided
      // again without it, so the budget's slot goes to the next offer. A modal it was is never
      // shown, and a checkout click it held goes on unless another modal takes its place.
      if (latest && [latest.modal, ...latest.panels, latest.volume].some((p) => p && unpriced!.has(p.offerId))) {
        const held = !!openModal && unpriced.has(openModal.offerId);
        if (held) openModal = null;
        evaluate(...moment);
        if (held) continueAfterModal();
      }
      cleanups.push(nextTask(create));
    });
    // Creating the host, then drawing: each in a task of its own.
    const create = guard('showing prompts', () => {
      if (stopped || ui || !prompts) return;
      const made = prompts.createUI(config, handlers, doc, sheet);
      cleanups.push(
        () => made.destroy(),
        nextTask(
          guard('showing prompts', () => {
            ui = made;
            if (latest) ui.update(latest);
          }),
        ),
      );
    });
    const go = () => void cleanups.push(nextTask(first));
    // The prompt file is requested in a task of its own too: inserting its <script> is the
    // request, and it is not part of deciding.
    const request = guard('showing prompts', () => {
      if (stopped) return;
      loadPrompts().then(
        (m: PromptModule) => {
          prompts = m;
          // Offers are shown only once their prices are the shop's (where the platform publishes them).
          if (!config.offers?.length) return go();
          m.mispriced(config, m.platformFor(config, cart.platform ?? detectPlatform(doc)), doc, cart).then((off) => {
            mispriced = off;
            go();
          }, go);
        },
        (err: unknown) => {
          loading = false;
          errorOnce(`${err instanceof Error ? err.message : String(err)}${t('; no prompt is shown, the shop is unaffected.', '。表示はしません（ショップには影響ありません）。')}`);
          // A checkout click held for a prompt that cannot be shown goes on.
          openModal = null;
          continueAfterModal();
        },
      );
    });
    cleanups.push(nextTask(request));
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
      // The shopper's "yes" is an answer: the cart is re-read, nothing new pops up in reply.
      refresh('cart-change', true);
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
    else refresh('cart-change', true);
    return result;
  }

  // After a "no" the engine decides again, quietly: a declined upsell may have a downsell, shown
  // once, right away; whatever else did not fit waits for the next real moment. At checkout the
  // click goes on instead — one prompt there, never a second modal (seed 001: 簡潔に、一回だけ).
  const answered = (how: 'decline' | 'dismiss') =>
    guard(how, (prompt: Prompt) => {
      ensureTracker(false).track(how, prompt, cart);
      state = recordOutcome(state, prompt, how, Date.now(), config.caps);
      save();
      const wasModal = openModal === prompt;
      closeModal(prompt);
      if (!(wasModal && afterModal)) evaluate('cart-change', true);
      continueAfterModal();
    });

  const handlers = {
    onAddGapFiller: (product: ProductView): Promise<Outcome> =>
      addGapFiller(product).catch((err) => {
        errorOnce(t('could not add a free-shipping suggestion; the shop is unaffected.', '送料無料の提案を追加できませんでした（ショップには影響ありません）。'), err);
        return { ok: false };
      }),
    onShow: guard('impression', (prompt: Prompt) => {
      onScreen.add(prompt.offerId);
      // Back on screen after a moment away (a slot re-rendered, a dialog reopened): not a new impression.
      if (counted.has(keyOf(prompt))) return;
      counted.add(keyOf(prompt));
      ensureTracker(false).track('impression', prompt, cart);
      // The session's modal cap counts what the shopper saw: this runs once the prompt is drawn.
      state = recordImpression(state, prompt, Date.now());
      save();
    }),
    onAccept: (prompt: Prompt, item?: ProductView): Promise<Outcome> =>
      accept(prompt, item).catch((err) => {
        errorOnce(t('could not carry out an accepted offer; the shop is unaffected.', '受け入れられたオファーを実行できませんでした（ショップには影響ありません）。'), err);
        return { ok: false };
      }),
    onDecline: answered('decline'),
    keepClear: (): Element[] => {
      // The page's checkout buttons, links to its cart page, its cart total, and anything the
      // merchant marks: overlays keep off them.
      const sel = [checkoutButtons(), config.cart?.checkout, KEEP_CLEAR].filter(Boolean).join(',');
      const out: Element[] = [];
      try {
        out.push(...doc.querySelectorAll(sel));
      } catch {
        /* a bad merchant selector: the built-in ones still apply */
        out.push(...doc.querySelectorAll(KEEP_CLEAR));
      }
      const total = plan(config.cart ?? {}, doc)?.selectors.subtotal;
      if (total) out.push(...all(doc, total));
      return out;
    },
    onDismiss: answered('dismiss'),
  };

  function sendOrder(input: OrderInput): void {
    const holdout = inHoldout(state.visitorId, config.holdout);
    const who = { visitorId: state.visitorId, sessionId: state.sessionId, holdout };
    loadPrompts().then(
      (m) => guard('trackOrder', m.sendOrder)(input, who, local, () => ensureTracker(holdout), config.cart?.currency ?? 'JPY'),
      (err: unknown) => errorOnce(t('trackOrder: not sent', 'trackOrder: 送れませんでした'), err),
    );
  }

  // A single-page shop that navigates to its cart re-renders it: that is a cart view, not a change.
  let href = '';
  const navigated = () => href !== (href = String(doc.location?.href));

  function refresh(trigger: Trigger = 'cart-view', quiet = false): void {
    if (stopped) return;
    cart = read();
    touched = false;
    navigated();
    evaluate(trigger, quiet);
  }

  // Looking for a printed order, reading the cart and deciding are three tasks: on a long cart or
  // a slow phone, together they would hold the page for more than a frame. The watchers start
  // from the cart just read.
  const boot = guard('start', () => {
    if (stopped) return;
    // An order-complete page that prints its order sends it, once per order id; an order the
    // page's hook reported (`trackOrder`, sent at start) is the same id and comes first.
    const placed = pageOrder(doc, config.cart?.currency);
    if (placed) sendOrder(placed);
    cleanups.push(nextTask(readFirst));
  });
  // A long cart is read a slice at a time (see readInSlices); a merchant's readCart at once.
  const readFirst = guard('start', () => {
    if (stopped) return;
    if (config.readCart) begin(read());
    else cleanups.push(readInSlices(config.cart ?? {}, doc, begin));
  });
  // Called from a guarded task, never after stop (stop cancels the read).
  const begin = (first: Cart) => {
    cart = first;
    touched = false;
    navigated();
    // The event queue and its delivery (storage, listeners, a send of what earlier pages left)
    // are set up in a task of their own, before the first decision, which needs them.
    cleanups.push(
      nextTask(
        guard('start', () => {
          if (stopped) return;
          ensureTracker(inHoldout(state.visitorId, config.holdout));
          cleanups.push(nextTask(guard('start', () => evaluate('cart-view'))));
        }),
      ),
    );
    cleanups.push(
      watchCart(
        config.cart ?? {},
        guard('cart change', (next: Cart) => {
          cart = config.readCart ? read() : next;
          // Only a change the shopper made is an add (カート投入直後); the page drawing or
          // re-drawing its cart by itself, or navigating to it, is a cart view.
          const trigger = navigated() || !touched ? 'cart-view' : 'cart-change';
          touched = false;
          evaluate(trigger);
        }),
        doc,
        {},
        config.readCart ? undefined : cart,
      ),
      interceptCheckout(doc, config.cart?.checkout, (resume) => {
        if (openModal) return false;
        cart = read();
        const shown = evaluate('checkout');
        if (shown) afterModal = resume;
        return shown;
      }),
      onExitIntent(
        doc,
        guard('exit intent', () => evaluate('exit-intent')),
      ),
    );
  };

  const onTouch = (e: Event) => {
    const target = e.target as Node | null;
    if (!(target instanceof Node) || !(target instanceof Element ? target : target.parentElement)?.closest('[data-cart-upsell],cart-upsell-slot')) touched = true;
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'change', 'submit']) {
    doc.addEventListener(type, onTouch, { capture: true, passive: true });
    cleanups.push(() => doc.removeEventListener(type, onTouch, { capture: true }));
  }

  // Nothing is decided on a cart the page has not finished drawing: after DOMContentLoaded (not
  // merely readyState "interactive", when module scripts have yet to draw it) and once the page
  // has been still for a moment. The first read is then the cart view, in a task of its own —
  // not inside the page's DOMContentLoaded task, which holds the shop's own start-up work.
  // Waiting for the page (its navigation entry, its observer) starts in a task of its own, apart
  // from the one that read the visitor's stored state.
  cleanups.push(
    nextTask(
      guard('start', () => {
        if (!stopped) cleanups.push(afterStable(doc, boot));
      }),
    ),
  );

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
    order: sendOrder,
  };
}
