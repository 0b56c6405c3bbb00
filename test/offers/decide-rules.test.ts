import { describe, expect, it } from 'vitest';
import { decide } from '../../src/offers/decide';
import type { CrossSellOffer, UpsellOffer } from '../../src/config/types';
import type { CrossSellPrompt } from '../../src/offers/types';
import { cartOf, line } from './helpers';
import { freshState, input, NOW } from './fixtures';

const up: UpsellOffer = { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX' };
const x: CrossSellOffer = { id: 'x-1', type: 'cross-sell', for: ['KB-01'], items: ['HG-01'] };
const cart = cartOf([line('TN-0123', 1320, 2), line('KB-01', 12000)]);
const DAY = 86400000;
const shows = (when: UpsellOffer['when'], over = {}) => decide(input(cart, { offers: [{ ...up, when }] }, over)).modal !== null;

describe('targeting', () => {
  it('cart has any / all / none', () => {
    expect(shows({ cartHasAny: ['HG-01', 'KB-01'] })).toBe(true);
    expect(shows({ cartHasAny: ['HG-01'] })).toBe(false);
    expect(shows({ cartHasAll: ['TN-0123', 'KB-01'] })).toBe(true);
    expect(shows({ cartHasAll: ['TN-0123', 'HG-01'] })).toBe(false);
    expect(shows({ cartHasNone: ['HG-01'] })).toBe(true);
    expect(shows({ cartHasNone: ['KB-01'] })).toBe(false);
  });

  it('subtotal and item-count ranges (inclusive)', () => {
    // subtotal ¥14,640, 3 items
    expect(shows({ subtotalMin: 14640, subtotalMax: 14640 })).toBe(true);
    expect(shows({ subtotalMin: 15000 })).toBe(false);
    expect(shows({ subtotalMax: 10000 })).toBe(false);
    expect(shows({ itemCountMin: 3, itemCountMax: 3 })).toBe(true);
    expect(shows({ itemCountMin: 4 })).toBe(false);
  });

  it('page path with *, device, new or returning visitor', () => {
    expect(shows({ path: '/cart*' }, { page: { path: '/cart/index.php', mobile: false } })).toBe(true);
    expect(shows({ path: '/cart' }, { page: { path: '/cart/index.php', mobile: false } })).toBe(false);
    expect(shows({ path: '/shop/*/cart' }, { page: { path: '/shop/a.b/cart', mobile: false } })).toBe(true);
    expect(shows({ path: '/a.b' }, { page: { path: '/axb', mobile: false } })).toBe(false);
    expect(shows({ device: 'mobile' }, { page: { path: '/', mobile: true } })).toBe(true);
    expect(shows({ device: 'mobile' })).toBe(false);
    expect(shows({ device: 'desktop' })).toBe(true);
    expect(shows({ visitor: 'new' })).toBe(true);
    expect(shows({ visitor: 'returning' })).toBe(false);
    expect(shows({ visitor: 'returning' }, { state: { ...freshState(), returning: true } })).toBe(true);
  });

  it('date window, a bare day counting whole in Japan time', () => {
    expect(shows({ startsAt: '2026-11-22', endsAt: '2026-11-22' })).toBe(true);
    expect(shows({ startsAt: '2026-11-23' })).toBe(false);
    expect(shows({ endsAt: '2026-11-21' })).toBe(false);
    expect(shows({ endsAt: '2026-11-22T11:59:59+09:00' })).toBe(false);
  });
});

describe('honesty', () => {
  it('an expired endsAt never shows; a live one is carried as real proof', () => {
    expect(decide(input(cart, { offers: [{ ...up, endsAt: '2026-11-22T11:00:00+09:00' }] })).modal).toBeNull();
    const live = decide(
      input(cart, {
        offers: [{ ...up, endsAt: '2026-11-30T23:59:59+09:00', stock: 4, stockAsOf: '2026-11-22T09:00:00+09:00', socialProof: { text: '購入者の62%が本染めを選択', source: '当店2025年販売実績' } }],
      }),
    ).modal!;
    expect(live.proof).toEqual({
      endsAt: '2026-11-30T23:59:59+09:00',
      stock: 4,
      stockAsOf: '2026-11-22T09:00:00+09:00',
      socialProof: { text: '購入者の62%が本染めを選択', source: '当店2025年販売実績' },
    });
  });

  it('invents no proof: none supplied, none shown; a statistic without its source is dropped', () => {
    expect(decide(input(cart, { offers: [up] })).modal!.proof).toEqual({});
    expect(decide(input(cart, { offers: [{ ...up, socialProof: { text: '大人気', source: '' } }] })).modal!.proof).toEqual({});
  });

  it('shows no product prices against a cart in another currency', () => {
    const usd = { ...cart, currency: 'USD' };
    const d = decide(input(usd, { offers: [up, x], freeShipping: { threshold: { USD: 7500 } } }));
    expect(d.modal).toBeNull();
    expect(d.panels).toEqual([]);
    expect(d.bar?.currency).toBe('USD');
  });
});

describe('caps', () => {
  it('one modal per session by default; configurable', () => {
    const s = { ...freshState(), session: { ...freshState().session, modalsShown: 1 } };
    expect(decide(input(cart, { offers: [up] }, { state: s })).modal).toBeNull();
    expect(decide(input(cart, { offers: [up], caps: { modalsPerSession: 2 } }, { state: s })).modal).not.toBeNull();
    expect(decide(input(cart, { offers: [up], caps: { modalsPerSession: 0 } })).modal).toBeNull();
  });

  it('at most 3 impressions per offer per day by default, counted afresh the next day', () => {
    const s = { ...freshState(), impressions: { 'x-1': ['2026-11-22', 3] as [string, number] } };
    expect(decide(input(cart, { offers: [x] }, { state: s })).panels).toEqual([]);
    expect(decide(input(cart, { offers: [x], caps: { impressionsPerOfferPerDay: 4 } }, { state: s })).panels).toHaveLength(1);
    expect(decide(input(cart, { offers: [x] }, { state: s, now: NOW + DAY })).panels).toHaveLength(1);
  });

  it('a prompt already on screen is not taken away by the per-day cap its own impression reached', () => {
    const s = { ...freshState(), impressions: { 'x-1': ['2026-11-22', 3] as [string, number] }, snoozed: {} };
    expect(decide(input(cart, { offers: [x] }, { state: s, onScreen: ['x-1'] })).panels).toHaveLength(1);
    expect(decide(input(cart, { offers: [x] }, { state: { ...s, snoozed: { 'x-1': NOW + DAY } }, onScreen: ['x-1'] })).panels).toEqual([]);
  });

  it('a snoozed offer stays hidden until its time', () => {
    const s = { ...freshState(), snoozed: { 'x-1': NOW + DAY } };
    expect(decide(input(cart, { offers: [x] }, { state: s })).panels).toEqual([]);
    expect(decide(input(cart, { offers: [x] }, { state: s, now: NOW + DAY })).panels).toHaveLength(1);
  });

  it('at most one modal on a desktop, and then nothing beside it', () => {
    const d = decide(
      input(cart, {
        offers: [
          up,
          { ...up, id: 'up-2', from: 'KB-01', to: 'CT-01' },
          x,
          { ...x, id: 'x-2', items: ['PZ-01'] },
          { id: 'b', type: 'bundle', items: ['KB-01', 'PZ-01'], price: 13000, appliedBy: 'platform' },
        ],
      }),
    );
    // The ￥18,000 upgrade outweighs the two cards together (￥2,200 + ￥1,000).
    expect(d.modal?.offerId).toBe('up-2');
    expect(d.panels).toEqual([]);
    expect(d.volume).toBeNull();
  });
});

describe('holdout and variants', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `visitor-${i}`);

  it('a sticky share of visitors sees no offers but still sees the free-shipping bar', () => {
    const cfg = { offers: [up, x], holdout: 0.1, freeShipping: { threshold: 20000 } };
    const held = ids.filter((id) => decide(input(cart, cfg, { state: freshState(id) })).holdout);
    expect(held.length / ids.length).toBeGreaterThan(0.08);
    expect(held.length / ids.length).toBeLessThan(0.12);
    const d = decide(input(cart, cfg, { state: freshState(held[0]) }));
    expect(d).toMatchObject({ modal: null, panels: [], volume: null, holdout: true });
    expect(d.bar?.remaining).toBe(20000 - 14640);
    expect(decide(input(cart, cfg, { state: freshState(held[0]), now: NOW + 30 * DAY })).holdout).toBe(true);
    expect(decide(input(cart, { ...cfg, holdout: 0 }, { state: freshState(held[0]) })).holdout).toBe(false);
  });

  it('a visitor keeps one weighted variant; its copy is merged over the offer copy', () => {
    const offer: UpsellOffer = {
      ...up,
      text: { title: '本染めにしませんか', accept: '変更する' },
      variants: [
        { id: 'a', weight: 3, text: { title: '今なら本染めに' } },
        { id: 'b', weight: 1 },
      ],
    };
    const pick = (id: string) => decide(input(cart, { offers: [offer] }, { state: freshState(id) })).modal!;
    const counts = { a: 0, b: 0 } as Record<string, number>;
    for (const id of ids) counts[pick(id).variant!]++;
    expect(counts.a / ids.length).toBeGreaterThan(0.7);
    expect(counts.a / ids.length).toBeLessThan(0.8);
    const a = ids.find((id) => pick(id).variant === 'a')!;
    expect(pick(a).text).toEqual({ title: '今なら本染めに', accept: '変更する' });
    expect(decide(input(cart, { offers: [offer] }, { state: freshState(a), now: NOW + 9 * DAY })).modal!.variant).toBe('a');
    const b = ids.find((id) => pick(id).variant === 'b')!;
    expect(pick(b).text).toEqual({ title: '本染めにしませんか', accept: '変更する' });
  });

  it('a zero-weight variant is never picked', () => {
    const offer: UpsellOffer = { ...up, variants: [{ id: 'off', weight: 0 }, { id: 'on' }] };
    expect(new Set(ids.slice(0, 300).map((id) => decide(input(cart, { offers: [offer] }, { state: freshState(id) })).modal!.variant))).toEqual(new Set(['on']));
  });
});

describe('robustness', () => {
  it('treats a cart without lines as empty instead of throwing', () => {
    const d = decide(input({ currency: 'JPY', items: null, subtotal: 5000 } as never, { offers: [up, x], freeShipping: { threshold: 10000 } }));
    expect(d).toMatchObject({ modal: null, panels: [], volume: null });
    expect(d.bar).toMatchObject({ subtotal: 0, remaining: 10000 });
  });

  it('survives a 500-line cart, script in names and garbage offers', () => {
    const items = Array.from({ length: 500 }, (_, i) => line(`S-${i}`, 100 + i, 1, { name: `<script>alert(${i})</script>` }));
    const d = decide(
      input(cartOf([...items, line('KB-01', 12000)]), {
        offers: [null as never, { id: 'bad', type: 'nope' } as never, { id: 'proto', type: 'toString' } as never, { id: 7, type: 'upsell' } as never, { ...x, items: ['HG-01', 42 as never] }],
      }),
    );
    expect((d.panels[0] as CrossSellPrompt).items.map((i) => i.sku)).toEqual(['HG-01']);
  });
});
