import { unitOf } from './units';
import { PLATFORM_IDS } from '../platforms/ids';
import type { OfferType } from './types';
import { bool, date, either, func, int, list, num, obj, record, selector, str, tagged, url, type Check } from './schema-kit';

const sku = str();
const skus = list(sku, { nonEmpty: true });
const money = int({ min: 0, money: true });
const perCurrency = record(/^[A-Z]{3}$/, ['a currency code such as "JPY"', '"JPY" のような通貨コード'], (v, path, ctx) => money(v, path, { ...ctx, unit: unitOf(path.slice(-3)) }));
/** An amount, or amounts per currency ({"JPY": 10000, "USD": 7500}). */
const amount: Check = (v, path, ctx) => (v && typeof v === 'object' && !Array.isArray(v) ? perCurrency : money)(v, path, ctx);

const platformId = either(str(), int({ min: 0 }), ["the platform's id as text or a whole number", 'プラットフォームの ID（文字か整数）']);

const text = obj({ title: str(), body: str(), accept: str(), decline: str(), dismiss: str() });

const conditions = obj({
  cartHasAny: skus,
  cartHasAll: skus,
  cartHasNone: skus,
  subtotalMin: money,
  subtotalMax: money,
  itemCountMin: int({ min: 0 }),
  itemCountMax: int({ min: 0 }),
  path: str(),
  device: str({ oneOf: ['mobile', 'desktop'] }),
  visitor: str({ oneOf: ['new', 'returning'] }),
  startsAt: date,
  endsAt: date,
});

const offerCommon = {
  id: str(),
  type: str(),
  priority: int(),
  triggers: list(str({ oneOf: ['cart-view', 'cart-change', 'checkout', 'exit-intent'] }), { nonEmpty: true }),
  when: conditions,
  text,
  variants: list(obj({ id: str(), weight: num(0, 1e6), text }, ['id']), { nonEmpty: true }),
  endsAt: date,
  stock: int({ min: 0 }),
  stockAsOf: date,
  acceptRate: num(0, 1),
  socialProof: obj({ text: str(), source: str() }, ['text', 'source']),
  discountCode: str(),
  appliedBy: str({ oneOf: ['platform', 'code'] }),
  slot: selector,
};

// One schema per offer type: a type without its schema does not compile.
const offer: Check = tagged('type', {
  upsell: obj({ ...offerCommon, from: sku, to: sku, benefits: list(str()), downsell: sku }, ['id', 'from', 'to']),
  'cross-sell': obj({ ...offerCommon, for: skus, items: skus, max: int({ min: 1, max: 12 }), maxPriceRatio: num(0.01, 10) }, ['id', 'for', 'items']),
  bundle: obj({ ...offerCommon, items: list(sku, { nonEmpty: true }), price: money }, ['id', 'items', 'price']),
  volume: obj({ ...offerCommon, items: skus, tiers: list(obj({ quantity: int({ min: 2 }), percentOff: num(0.1, 90), label: str() }, ['quantity', 'percentOff']), { nonEmpty: true }) }, [
    'id',
    'tiers',
  ]),
} satisfies Record<OfferType, Check>);

const selectors = obj({ item: selector, name: selector, sku: selector, skuAttr: str(), price: selector, quantity: selector, lineTotal: selector, subtotal: selector, discount: selector }, [
  'item',
  'name',
  'price',
  'quantity',
]);

/** The whole config. Required fields are few: a merchant can start with just a free-shipping bar. */
export const configSchema: Check = obj({
  cart: obj({
    preset: str({ oneOf: [...PLATFORM_IDS, 'auto'] }),
    selectors,
    currency: str(),
    root: selector,
    checkout: selector,
  }),
  locale: str({ oneOf: ['ja', 'en'] }),
  moneyFormat: str({ oneOf: ['symbol', 'suffix'] }),
  freeShipping: obj(
    {
      threshold: amount,
      taxIncluded: bool,
      basis: str({ oneOf: ['after-discounts', 'before-discounts'] }),
      taxRate: num(0, 0.5),
      tiers: list(obj({ amount, label: str() }, ['amount', 'label'])),
      gapFillers: either(bool, list(sku), ['true, false or a list of SKUs', 'true・false か SKU のリスト']),
      slot: selector,
      position: str({ oneOf: ['top', 'bottom'] }),
      text: obj({ remaining: str(), reached: str() }),
    },
    ['threshold'],
  ),
  products: list(
    obj(
      {
        sku,
        name: str(),
        price: money,
        url,
        image: url,
        id: platformId,
        productId: platformId,
        category: str(),
        stock: int({ min: 0 }),
      },
      ['sku', 'name', 'price'],
    ),
  ),
  offers: list(offer),
  events: obj({
    endpoint: url,
    dataLayer: bool,
    batchSize: int({ min: 1, max: 100 }),
    flushIntervalMs: int({ min: 100, max: 60000 }),
    timeoutMs: int({ min: 1000, max: 120000 }),
    retryBaseMs: int({ min: 100, max: 60000 }),
    retryMaxMs: int({ min: 1000, max: 3600000 }),
  }),
  privacy: obj({ page: str({ oneOf: ['scrubbed', 'path', 'origin'] }), visitorMonths: int({ min: 1, max: 13 }) }),
  caps: obj({ modalsPerSession: int({ min: 0, max: 10 }), impressionsPerOfferPerDay: int({ min: 0, max: 100 }), snoozeDays: num(0, 365) }),
  holdout: num(0, 0.9),
  theme: obj({ accent: str(), text: str(), background: str(), radius: str(), font: str(), colorScheme: str({ oneOf: ['light', 'dark', 'auto'] }) }),
  text: record(/^[\w.-]+$/, ['a message id', 'メッセージ ID'], str()),
  actions: obj({ platform: str({ oneOf: [...PLATFORM_IDS, 'none'] }) }),
  nonce: str(),
  onAccept: func,
  readCart: func,
});
