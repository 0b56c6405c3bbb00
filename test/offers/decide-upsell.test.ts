import { describe, expect, it } from 'vitest';
import { decide } from '../../src/offers/decide';
import type { UpsellOffer } from '../../src/config/types';
import { cartOf, line } from './helpers';
import { freshState, input } from './fixtures';

const up: UpsellOffer = { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', benefits: ['職人の本染め', '色落ちしにくい'], downsell: 'TN-0123-M' };

describe('upsell', () => {
  it('replaces the cart line with its upgrade, showing the difference per item and the value 2 × (2,420 − 1,320)', () => {
    const d = decide(input(cartOf([line('TN-0123', 1320, 2)]), { offers: [up] }));
    expect(d.modal).toMatchObject({
      kind: 'upsell',
      offerId: 'up-1',
      quantity: 2,
      difference: 1100,
      value: 2200,
      benefits: ['職人の本染め', '色落ちしにくい'],
      currency: 'JPY',
      variant: null,
    });
    expect(d.modal!.from).toMatchObject({ sku: 'TN-0123', price: 1320 });
    expect(d.modal!.to).toMatchObject({ sku: 'TN-0123-DX', name: '手ぬぐい 本染め', price: 2420 });
    expect(d.holdout).toBe(false);
  });

  it('finds the line by platform id or exact name when the page shows no SKU', () => {
    const byId = decide(input(cartOf([line(null, 1320, 1, { id: 'TN-0123' })]), { offers: [up] }));
    expect(byId.modal?.value).toBe(1100);
    const byName = decide(input(cartOf([line(null, 1320, 1, { name: 'スタンダード手ぬぐい' })]), { offers: [up] }));
    expect(byName.modal?.value).toBe(1100);
  });

  it('never offers an upgrade the cart already holds', () => {
    const d = decide(input(cartOf([line('TN-0123', 1320), line('TN-0123-DX', 2420)]), { offers: [up] }));
    expect(d.modal).toBeNull();
  });

  it('is not shown without the line it upgrades, nor when the "upgrade" costs the same or less', () => {
    expect(decide(input(cartOf([line('HG-01', 1800)]), { offers: [up] })).modal).toBeNull();
    expect(decide(input(cartOf([line('TN-0123', 2420)]), { offers: [up] })).modal).toBeNull();
  });

  it('speaks after a cart change and at checkout by default, not on a plain cart view', () => {
    const cart = cartOf([line('TN-0123', 1320)]);
    expect(decide(input(cart, { offers: [up] }, { trigger: 'checkout' })).modal).not.toBeNull();
    expect(decide(input(cart, { offers: [up] }, { trigger: 'cart-view' })).modal).toBeNull();
    expect(decide(input(cart, { offers: [up] }, { trigger: 'exit-intent' })).modal).toBeNull();
    expect(decide(input(cart, { offers: [{ ...up, triggers: ['exit-intent'] }] }, { trigger: 'exit-intent' })).modal).not.toBeNull();
  });

  it('offers the downsell once after a decline, with kind "downsell" and the upsell\'s id, then nothing more', () => {
    const cart = cartOf([line('TN-0123', 1320, 2)]);
    const s = freshState();
    s.snoozed['up-1'] = Date.parse('2030-01-01');
    s.session = { modalsShown: 1, declined: ['up-1'], downsellShown: [], done: false };
    const d = decide(input(cart, { offers: [up] }, { state: s, trigger: 'cart-view' }));
    expect(d.modal).toMatchObject({ kind: 'downsell', offerId: 'up-1', difference: 550, value: 1100 });
    expect(d.modal!.to.sku).toBe('TN-0123-M');
    const after = { ...s, session: { ...s.session, downsellShown: ['up-1'], done: true } };
    const later = decide(input(cart, { offers: [up, { id: 'x', type: 'cross-sell', for: ['TN-0123'], items: ['CH-01'] }] }, { state: after }));
    expect(later.modal).toBeNull();
    expect(later.panels).toEqual([]);
  });

  it("a downsell does not reuse the upsell's copy, copy variant or benefit lines", () => {
    const cart = cartOf([line('TN-0123', 1320, 1)]);
    const s = freshState();
    s.session = { modalsShown: 1, declined: ['up-1'], downsellShown: [], done: false };
    const offer: UpsellOffer = { ...up, text: { title: 'デラックス版はいかが？' }, variants: [{ id: 'A', text: { body: '本染めの上位版' } }] };
    const d = decide(input(cart, { offers: [offer] }, { state: s, trigger: 'cart-view' }));
    expect(d.modal).toMatchObject({ kind: 'downsell', variant: null, text: {}, benefits: [] });
    const fresh = decide(input(cart, { offers: [offer] }, { state: freshState(), trigger: 'cart-change' }));
    expect(fresh.modal).toMatchObject({ kind: 'upsell', variant: 'A', text: { title: 'デラックス版はいかが？', body: '本染めの上位版' }, benefits: ['職人の本染め', '色落ちしにくい'] });
  });

  it('ranks by explicit priority, then by value', () => {
    const cart = cartOf([line('TN-0123', 1320), line('KB-01', 12000)]);
    const big: UpsellOffer = { id: 'up-coat', type: 'upsell', from: 'KB-01', to: 'CT-01' };
    expect(decide(input(cart, { offers: [up, big] })).modal?.offerId).toBe('up-coat');
    expect(decide(input(cart, { offers: [{ ...up, priority: 5 }, big] })).modal?.offerId).toBe('up-1');
  });
});
