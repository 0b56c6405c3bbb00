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
import { unreachable } from './kinds';

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

type Ranked<P> = { p: P; priority: number; i: number };
/** Explicit priority first, then what accepting adds, then the merchant's order. */
const better = <P extends Prompt>(a: Ranked<P>, b: Ranked<P> | null) =>
  !b || a.priority > b.priority || (a.priority === b.priority && (a.p.value > b.p.value || (a.p.value === b.p.value && a.i < b.i)));

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

  const live = (o: Offer) => !(o.endsAt != null && !(now < dateMs(o.endsAt, true)));

  // A declined upsell's fallback, once, whatever the trigger: it answers the shopper's "no".
  const declined = state?.session?.declined ?? [];
  const shown = state?.session?.downsellShown ?? [];
  let downsell: Ranked<UpsellPrompt> | null = null;
  offers.forEach((o, i) => {
    if (!__DOWNSELL__ || o?.type !== 'upsell' || typeof o.downsell !== 'string' || !declined.includes(o.id) || shown.includes(o.id) || !live(o)) return;
    const p = buildUpgrade(o as UpsellOffer, o.downsell, 'downsell', c);
    const r = p && { p, priority: prio(o), i };
    if (r && better(r, downsell)) downsell = r;
  });

  const modalRoom = (state?.session?.modalsShown ?? 0) < caps.modalsPerSession;
  let modal: Ranked<UpsellPrompt> | null = null;
  let cross: Ranked<CrossSellPrompt> | null = null;
  let bundle: Ranked<BundlePrompt> | null = null;
  let volume: Ranked<VolumePrompt> | null = null;
  offers.forEach((o, i) => {
    if (!o || typeof o.id !== 'string' || !Object.prototype.hasOwnProperty.call(DEFAULT_TRIGGERS, o.type)) return;
    const triggers = Array.isArray(o.triggers) && o.triggers.length ? o.triggers : DEFAULT_TRIGGERS[o.type];
    if (!triggers.includes(trigger) || !live(o)) return;
    if ((state?.snoozed?.[o.id] ?? 0) > now) return;
    const seen = state?.impressions?.[o.id];
    const onScreen = Array.isArray(input.onScreen) && input.onScreen.includes(o.id);
    if (!onScreen && (seen && seen[0] === today ? seen[1] : 0) >= caps.impressionsPerOfferPerDay) return;
    if (o.type === 'upsell' && !modalRoom) return;
    if (!conditionsHold(o.when, c)) return;
    const priority = prio(o);
    // Only a prompt that would beat the best of its kind so far gets built.
    const gate = (best: Ranked<Prompt> | null) => (value: number) =>
      !best || priority > best.priority || (priority === best.priority && value > best.p.value);
    switch (o.type) {
      case 'upsell': {
        if (!__UPSELL__) break;
        const p = buildUpgrade(o, o.to, 'upsell', c, gate(modal));
        if (p) modal = { p, priority, i };
        break;
      }
      case 'cross-sell': {
        if (!__CROSS_SELL__) break;
        const p = buildCrossSell(o, c, gate(cross));
        if (p) cross = { p, priority, i };
        break;
      }
      case 'bundle': {
        if (!__BUNDLE__) break;
        const p = buildBundle(o, c, gate(bundle));
        if (p) bundle = { p, priority, i };
        break;
      }
      case 'volume': {
        if (!__VOLUME__) break;
        const p = buildVolume(o, c, gate(volume));
        if (p) volume = { p, priority, i };
        break;
      }
      default:
        unreachable(o);
    }
  });

  const m = (downsell ?? modal) as Ranked<UpsellPrompt> | null;
  const panels = [cross, bundle] as (Ranked<CrossSellPrompt | BundlePrompt> | null)[];
  return {
    modal: m ? m.p : null,
    panels: panels
      .filter((r): r is Ranked<CrossSellPrompt | BundlePrompt> => !!r)
      .sort((a, b) => (better(a, b) ? -1 : 1))
      .map((r) => r.p),
    volume: (volume as Ranked<VolumePrompt> | null)?.p ?? null,
    bar,
    holdout: false,
  };
}

const prio = (o: Offer) => (typeof o.priority === 'number' && Number.isFinite(o.priority) ? o.priority : 0);
