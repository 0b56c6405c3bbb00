import type { Caps, Offer, OfferType, Trigger, UpsellOffer } from '../config/types';
import type { BundlePrompt, CrossSellPrompt, Decision, DecideInput, Prompt, UpsellPrompt, VolumePrompt } from './types';
import { catalogOf, indexCart, money } from './catalog';
import { conditionsHold, dateMs, type Ctx } from './conditions';
import { freeShippingView, shopCurrency } from './free-shipping';
import { inHoldout } from './hash';
import { buildUpgrade } from './upsell';
import { buildCrossSell } from './cross-sell';
import { buildBundle } from './bundle';
import { buildVolume } from './volume';
import { dangling } from './refs';
import { isModal, ranksAbove, withinBudget, type Candidate } from './budget';

/**
 * When each type speaks unless the offer lists its own `triggers`. An upgrade fits right after
 * the add (seed 000: カート投入直後) and once at checkout; related items and sets fit while the
 * cart is being looked at or changed; tier messages follow every change. Exit intent is opt-in.
 */
export const DEFAULT_TRIGGERS: Record<OfferType, Trigger[]> = {
  upsell: ['cart-change', 'checkout'],
  'cross-sell': ['cart-view', 'cart-change'],
  bundle: ['cart-view', 'cart-change'],
  volume: ['cart-view', 'cart-change', 'checkout'],
};

export const DEFAULT_CAPS: Required<Caps> = { modalsPerSession: 1, impressionsPerOfferPerDay: 3, snoozeDays: 7 };

export function capsOf(caps: Caps | undefined): Required<Caps> {
  const n = (v: unknown, d: number) => (typeof v === 'number' && v >= 0 && Number.isFinite(v) ? v : d);
  return {
    modalsPerSession: n(caps?.modalsPerSession, DEFAULT_CAPS.modalsPerSession),
    impressionsPerOfferPerDay: n(caps?.impressionsPerOfferPerDay, DEFAULT_CAPS.impressionsPerOfferPerDay),
    snoozeDays: n(caps?.snoozeDays, DEFAULT_CAPS.snoozeDays),
  };
}

/** The calendar day in Japan time, the unit of the per-day impression cap. */
export function dayKey(now: number): string {
  return new Date(now + 9 * 3600000).toISOString().slice(0, 10);
}

const none = (bar: Decision['bar'], holdout: boolean): Decision => ({ modal: null, panels: [], volume: null, bar, holdout });

/**
 * The share of shoppers assumed to accept each kind of prompt until the merchant gives the rate
 * measured on the results dashboard (`acceptRate`). Starting assumptions, not measurements: an
 * upgrade offered at its moment is taken more often than a card beside the cart, and a quantity
 * tier needs several more items before it pays.
 */
export const DEFAULT_ACCEPT_RATE: Record<OfferType, number> = { upsell: 0.1, 'cross-sell': 0.05, bundle: 0.05, volume: 0.03 };

/** Expected value per shown prompt = what accepting adds × this rate. */
const rateOf = (o: Offer) => (typeof o.acceptRate === 'number' && o.acceptRate >= 0 && o.acceptRate <= 1 ? o.acceptRate : (DEFAULT_ACCEPT_RATE[o.type] ?? 0.05));
const prio = (o: Offer) => (typeof o.priority === 'number' && Number.isFinite(o.priority) ? o.priority : 0);

/** What the page should show now. Pure: the same input always gives the same decision. */
export function decide(input: DecideInput): Decision {
  const { state, trigger, now } = input;
  const config = input.config ?? {};
  // A page may hand over anything; a cart without a list of lines is an empty cart.
  const raw = input.cart;
  const cart = raw && Array.isArray(raw.items) ? raw : { currency: String(raw?.currency ?? ''), items: [], subtotal: 0 };
  const catalog = catalogOf(config);
  const idx = indexCart(cart);
  // Build-time constants (src/tailor/defines.mjs): a tailored build drops the offer types,
  // the downsell and the bar its config does not use; the generic build keeps them all.
  const bar = __FREE_SHIPPING__ ? freeShippingView(cart, config, catalog, idx) : null;
  // The bar is information about the shop's own shipping rule, not an offer: the holdout sees it too.
  if (inHoldout(state?.visitorId ?? '', config.holdout)) return none(bar, true);
  const currency = typeof cart.currency === 'string' ? cart.currency.toUpperCase() : '';
  // Product prices are in the shop's currency: never show them against a cart in another one.
  if (currency !== shopCurrency(config) || state?.session?.done) return none(bar, false);

  const offers: Offer[] = Array.isArray(config.offers) ? config.offers : [];
  const caps = capsOf(config.caps);
  const today = dayKey(now);
  let subtotal = money(cart.subtotal) ? cart.subtotal : 0;
  let itemCount = 0;
  for (const l of cart.items) if (l && l.quantity > 0) itemCount += l.quantity;
  if (!money(cart.subtotal)) for (const l of cart.items) if (l && money(l.lineTotal)) subtotal += l.lineTotal;
  const c: Ctx = { cart, idx, catalog, currency, subtotal, itemCount, now, input };
  const onScreen = new Set(Array.isArray(input.onScreen) ? input.onScreen : []);

  const barred = new Set(Array.isArray(input.unchargeable) ? input.unchargeable : []);
  const live = (o: Offer) => !(o.endsAt != null && !(now < dateMs(o.endsAt, true))) && o.stock !== 0 && !barred.has(o.id) && !dangling(o, catalog);
  const candidate = (o: Offer, p: Prompt, i: number): Candidate => ({ p, priority: prio(o), ev: p.value * rateOf(o), i, held: onScreen.has(o.id) });

  // A declined upsell's fallback, once, whatever the trigger: it answers the shopper's "no".
  const declined = state?.session?.declined ?? [];
  const shown = state?.session?.downsellShown ?? [];
  let downsell: Candidate | null = null;
  offers.forEach((o, i) => {
    if (!__DOWNSELL__ || o?.type !== 'upsell' || typeof o.downsell !== 'string' || !declined.includes(o.id) || shown.includes(o.id) || !live(o)) return;
    const p = buildUpgrade(o as UpsellOffer, o.downsell, 'downsell', c);
    const r = p && { ...candidate(o, p, i), held: false };
    if (r && ranksAbove(r, downsell)) downsell = r;
  });

  const modalRoom = (state?.session?.modalsShown ?? 0) < caps.modalsPerSession;
  // The best of each kind; the budget then chooses among them.
  const best: Partial<Record<Prompt['kind'], Candidate>> = {};
  offers.forEach((o, i) => {
    if (!o || typeof o.id !== 'string' || !Object.prototype.hasOwnProperty.call(DEFAULT_TRIGGERS, o.type)) return;
    const held = onScreen.has(o.id);
    // A new moment (exit intent, checkout) adds prompts; it never takes away the ones on screen.
    const triggers = Array.isArray(o.triggers) && o.triggers.length ? o.triggers : DEFAULT_TRIGGERS[o.type];
    if ((!held && (input.quiet || !triggers.includes(trigger))) || !live(o)) return;
    if ((state?.snoozed?.[o.id] ?? 0) > now) return;
    const seen = state?.impressions?.[o.id];
    if (!held && (seen && seen[0] === today ? seen[1] : 0) >= caps.impressionsPerOfferPerDay) return;
    if (o.type === 'upsell' && !modalRoom && !held) return;
    if (!conditionsHold(o.when, c)) return;
    const kind = o.type;
    const top = best[kind] ?? null;
    const rate = rateOf(o);
    // Only a prompt that would outrank the best of its kind so far gets built; a tailored build
    // leaves out the builders of the types its config does not use.
    const gate = (value: number) => ranksAbove({ p: null as unknown as Prompt, priority: prio(o), ev: value * rate, i, held }, top);
    const p =
      kind === 'upsell'
        ? __UPSELL__
          ? buildUpgrade(o, o.to, 'upsell', c, gate)
          : null
        : kind === 'cross-sell'
          ? __CROSS_SELL__
            ? buildCrossSell(o, c, gate)
            : null
          : kind === 'bundle'
            ? __BUNDLE__
              ? buildBundle(o, c, gate)
              : null
            : __VOLUME__
              ? buildVolume(o, c, gate)
              : null;
    if (p) best[kind] = candidate(o, p, i);
  });

  const modal = downsell ?? best.upsell;
  const candidates = [modal, best['cross-sell'], best.bundle, best.volume].filter((r): r is Candidate => !!r);
  const chosen = withinBudget(candidates, { mobile: !!input.page?.mobile, checkout: trigger === 'checkout', added: trigger === 'cart-change' && !input.quiet });
  return {
    modal: (chosen.find(isModal) as UpsellPrompt | undefined) ?? null,
    panels: chosen.filter((p): p is CrossSellPrompt | BundlePrompt => p.kind === 'cross-sell' || p.kind === 'bundle'),
    volume: (chosen.find((p) => p.kind === 'volume') as VolumePrompt | undefined) ?? null,
    bar,
    holdout: false,
  };
}
