import type { Config, Product } from '../../src/config/types';
import type { DecideInput, VisitorState } from '../../src/offers/types';
import type { Cart } from '../../src/types';

export const products: Product[] = [
  { sku: 'TN-0123', name: 'スタンダード手ぬぐい', price: 1320 },
  { sku: 'TN-0123-DX', name: '手ぬぐい 本染め', price: 2420 },
  { sku: 'TN-0123-M', name: '手ぬぐい 中判', price: 1870 },
  { sku: 'KB-01', name: '帆布カバン', price: 12000 },
  { sku: 'HG-01', name: 'ハンカチ', price: 1800 },
  { sku: 'PZ-01', name: 'ポーチ', price: 2200 },
  { sku: 'CH-01', name: 'キーホルダー', price: 600 },
  { sku: 'CT-01', name: 'コート', price: 30000 },
  { sku: 'TN-0456', name: '注染手ぬぐい', price: 1650 },
  { sku: 'TOTE-01', name: 'ミニトート', price: 1980 },
];

export function freshState(visitorId = 'v-1'): VisitorState {
  return {
    visitorId,
    sessionId: 's-1',
    firstSeen: 0,
    returning: false,
    snoozed: {},
    impressions: {},
    session: { modalsShown: 0, declined: [], downsellShown: [], done: false },
  };
}

export const NOW = Date.parse('2026-11-22T12:00:00+09:00');

export function input(cart: Cart, config: Config, over: Partial<DecideInput> = {}): DecideInput {
  return { cart, config: { products, ...config }, state: freshState(), trigger: 'cart-change', now: NOW, page: { path: '/cart', mobile: false }, ...over };
}
