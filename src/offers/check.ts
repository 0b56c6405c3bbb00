import type { Config, Offer } from '../config/types';
import { dateMs } from './conditions';
import { priceHonoured } from './base';
import { shopCurrency } from './free-shipping';
import { unreachable } from './kinds';

export interface OfferIssue {
  path: string;
  message: string;
  level: 'error' | 'warning';
}

/** The Japanese ending shared by every "this never shows" message. */
const NEVER = '（表示されません）';

function fmt(n: number, currency: string): string {
  const s = Math.round(n).toLocaleString('en-US');
  return currency === 'JPY' ? `￥${s}` : `${s} (${currency}, smallest unit)`;
}

/**
 * Checks the offers mean something: every product they name exists, every shown price will be
 * charged, dates are dates. Runs after the shape check; messages are for the merchant, naming
 * the field and what to change. `now` (ms), when given, also flags offers already ended.
 */
export function checkOffers(config: Config, now?: number): OfferIssue[] {
  const out: OfferIssue[] = [];
  // Japanese for a config whose locale is "ja": the merchant reads these, not the shopper.
  const ja = config.locale === 'ja';
  const t = (en: string, jp: string) => (ja ? jp : en);
  const err = (path: string, message: string) => out.push({ path, message, level: 'error' });
  const warn = (path: string, message: string) => out.push({ path, message, level: 'warning' });
  const cur = shopCurrency(config);
  const price = new Map<string, number>();
  for (const p of Array.isArray(config.products) ? config.products : []) if (p && typeof p.sku === 'string' && !price.has(p.sku)) price.set(p.sku, p.price);
  const known = (s: unknown) => typeof s === 'string' && price.has(s);
  const hint = price.size ? '' : t(' (the "products" list is empty)', '（products が空）');

  /**
   * A product the widget must show or add: without its price and name it cannot. A missing one
   * (a discontinued SKU) turns off this offer only; the rest of the widget keeps working.
   */
  const mustExist = (path: string, ref: unknown, role: string, id: unknown) => {
    if (typeof ref === 'string' && !known(ref))
      warn(
        path,
        t(
          `"${ref}" is not the sku of any entry in "products"${hint}. The widget needs its name and price to offer it as ${role}, so the offer "${String(id)}" is turned off; add it to "products" or fix the sku.`,
          `"${ref}" が products にありません${hint}。オファー「${String(id)}」は表示されません（ほかは動きます）`,
        ),
      );
  };
  /** A part of a set: a cart line may hold it, but only a listed product can be added. */
  const partOfSet = (path: string, ref: unknown) => {
    if (typeof ref === 'string' && !known(ref))
      warn(
        path,
        t(
          `"${ref}" is not the sku of any entry in "products", so the set is offered only while a cart line whose SKU, id or exact product name is "${ref}" holds it. Check the spelling.`,
          `"${ref}" が products にないため、カートにある間だけセットを表示します。綴りを確認してください`,
        ),
      );
  };
  /** A product matched against the cart: a cart line's SKU, id or exact name also works. */
  const mayBeCartOnly = (path: string, ref: unknown) => {
    if (typeof ref === 'string' && !known(ref))
      warn(
        path,
        t(
          `"${ref}" is not the sku of any entry in "products", so it only matches a cart line whose SKU, id or exact product name is "${ref}". Check the spelling.`,
          `"${ref}" が products にありません（カートの SKU・ID・商品名とだけ照合）`,
        ),
      );
  };
  const each = (path: string, refs: unknown, f: (p: string, r: unknown) => void) => {
    if (Array.isArray(refs)) refs.forEach((r, j) => f(`${path}[${j}]`, r));
  };
  const checkDate = (path: string, v: unknown, end: boolean) => {
    if (v == null) return NaN;
    const ms = dateMs(v, end);
    if (!Number.isFinite(ms))
      err(path, t(`${JSON.stringify(v)} is not a date. Write it like "2026-12-31" or "2026-12-31T23:59:59+09:00".`, `${JSON.stringify(v)} は日付ではありません（例 "2026-12-31"）`));
    return ms;
  };

  const seen = new Map<string, number>();
  const offers: Offer[] = Array.isArray(config.offers) ? config.offers : [];
  offers.forEach((o, i) => {
    const at = `offers[${i}]`;
    if (!o || typeof o !== 'object') return;
    if (typeof o.id === 'string') {
      const first = seen.get(o.id);
      if (first != null)
        err(
          `${at}.id`,
          t(`"${o.id}" is already the id of offers[${first}]. Each offer needs its own id, or their reports and "no thanks" answers get mixed up.`, `"${o.id}" は offers[${first}] と重複しています`),
        );
      else seen.set(o.id, i);
    }
    const ends = checkDate(`${at}.endsAt`, o.endsAt, true);
    if (now != null && Number.isFinite(ends) && ends <= now) warn(`${at}.endsAt`, t(`${o.endsAt} has already passed, so this offer never shows. Remove it or set a later date.`, `終了済み${NEVER}`));
    const from = checkDate(`${at}.when.startsAt`, o.when?.startsAt, false);
    const until = checkDate(`${at}.when.endsAt`, o.when?.endsAt, true);
    if (from >= until) warn(`${at}.when.endsAt`, t(`ends before it starts (startsAt ${o.when!.startsAt}), so this offer never shows.`, `開始より前に終わる${NEVER}`));
    each(`${at}.when.cartHasAny`, o.when?.cartHasAny, mayBeCartOnly);
    each(`${at}.when.cartHasAll`, o.when?.cartHasAll, mayBeCartOnly);
    each(`${at}.when.cartHasNone`, o.when?.cartHasNone, mayBeCartOnly);

    switch (o.type) {
      case 'upsell': {
        mayBeCartOnly(`${at}.from`, o.from);
        mustExist(`${at}.to`, o.to, 'the upgrade', o.id);
        if (o.downsell != null) mustExist(`${at}.downsell`, o.downsell, 'the fallback after a "no"', o.id);
        if (o.from === o.to) err(`${at}.to`, t(`is the same product as "from" ("${o.from}"); an upsell offers a different, better product.`, '"from" と同じ商品です'));
        const pf = price.get(o.from);
        const pt = price.get(o.to);
        if (pf != null && pt != null && pt <= pf)
          warn(
            `${at}.to`,
            t(
              `"${o.to}" costs ${fmt(pt, cur)}, not more than "${o.from}" at ${fmt(pf, cur)}, so this upsell never shows. An upsell offers a dearer, better product.`,
              `"${o.from}" より高くない${NEVER}`,
            ),
          );
        const pd = typeof o.downsell === 'string' ? price.get(o.downsell) : undefined;
        if (pd != null && pf != null && pt != null && !(pd > pf && pd < pt))
          warn(
            `${at}.downsell`,
            t(
              `"${o.downsell}" costs ${fmt(pd, cur)}; a fallback after a "no" should cost between "${o.from}" (${fmt(pf, cur)}) and "${o.to}" (${fmt(pt, cur)}).${pd <= pf ? ' As it is, it never shows.' : ''}`,
              `${fmt(pf, cur)}〜${fmt(pt, cur)} の間の価格にしてください`,
            ),
          );
        break;
      }
      case 'cross-sell':
        each(`${at}.for`, o.for, mayBeCartOnly);
        each(`${at}.items`, o.items, (p, r) => mustExist(p, r, 'a related item', o.id));
        break;
      case 'bundle': {
        each(`${at}.items`, o.items, partOfSet);
        if (Array.isArray(o.items) && o.items.length < 2) err(`${at}.items`, t('a set needs at least two products.', '商品は2つ以上必要です'));
        if (!priceHonoured(o)) err(at, notHonoured(ja, 'set price', o.price, cur));
        const parts = Array.isArray(o.items) ? o.items.map((s) => price.get(s)) : [];
        if (parts.length && parts.every((p) => p != null)) {
          const sum = (parts as number[]).reduce((a, b) => a + b, 0);
          if (typeof o.price === 'number' && o.price >= sum)
            warn(
              `${at}.price`,
              t(
                `the set price ${fmt(o.price, cur)} is not below the parts bought one by one (${fmt(sum, cur)}), so there is no saving to show and this set never shows.`,
                `単品合計 ${fmt(sum, cur)} より安くない${NEVER}`,
              ),
            );
        }
        break;
      }
      case 'volume':
        each(`${at}.items`, o.items, mayBeCartOnly);
        if (!priceHonoured(o)) err(at, notHonoured(ja, 'tier discount', undefined, cur));
        break;
      default:
        unreachable(o);
    }
  });

  const fillers = config.freeShipping?.gapFillers;
  if (Array.isArray(fillers))
    fillers.forEach((r, j) => {
      if (typeof r === 'string' && !known(r))
        warn(`freeShipping.gapFillers[${j}]`, t(`"${r}" is not the sku of any entry in "products"${hint}, so it is never suggested.`, `"${r}" が products にありません${hint}`));
    });
  return out;
}

function notHonoured(ja: boolean, what: string, amount: number | undefined, cur: string): string {
  const shown = typeof amount === 'number' ? ` (${fmt(amount, cur)})` : '';
  if (ja) return `レジでこの割引${shown}になりません。"discountCode" か "appliedBy": "platform" を指定してください${NEVER}`;
  return (
    `the ${what}${shown} would be shown, but nothing tells the checkout to charge it, so the checkout would not charge the shown price. ` +
    'Add "discountCode" with a coupon code set up in your shop (applied when the shopper accepts), or "appliedBy": "platform" if your shop applies this discount by itself. Until then this offer is not shown.'
  );
}
