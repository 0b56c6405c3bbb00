import { describe, expect, it } from 'vitest';
import { checkOffers } from '../../src/offers/check';
import type { Config } from '../../src/config/types';
import { products, NOW } from './fixtures';

const cfg = (offers: Config['offers'], extra: Config = {}): Config => ({ products, offers, ...extra });
const at = (issues: ReturnType<typeof checkOffers>, path: string) => issues.filter((i) => i.path === path);

describe('checkOffers', () => {
  it('is silent for a sound config', () => {
    expect(
      checkOffers(
        cfg([
          { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', downsell: 'TN-0123-M' },
          { id: 'x-1', type: 'cross-sell', for: ['KB-01'], items: ['HG-01', 'PZ-01'] },
          { id: 'b-1', type: 'bundle', items: ['TN-0456', 'TOTE-01'], price: 3000, discountCode: 'SET500' },
          { id: 'v-1', type: 'volume', tiers: [{ quantity: 3, percentOff: 10 }], appliedBy: 'platform' },
        ]),
        NOW,
      ),
    ).toEqual([]);
  });

  it('names a product that does not exist, by its exact field', () => {
    const issues = checkOffers(
      cfg([
        { id: 'a', type: 'cross-sell', for: ['KB-01'], items: ['HG-01'] },
        { id: 'b', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DXX' },
        { id: 'c', type: 'cross-sell', for: ['KB-01'], items: ['HG-01', 'NOPE'] },
      ]),
    );
    // A discontinued SKU turns off its offer only: one warning naming the field and the offer.
    expect(at(issues, 'offers[1].to')).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringContaining('"TN-0123-DXX" is not the sku of any entry in "products"') })]);
    expect(at(issues, 'offers[1].to')[0].message).toContain('the offer "b" is turned off');
    expect(at(issues, 'offers[2].items[1]')[0]).toMatchObject({ level: 'warning', message: expect.stringContaining('the offer "c" is turned off') });
    expect(issues.filter((i) => i.level === 'warning')).toHaveLength(2);
    expect(issues.some((i) => i.level === 'error')).toBe(false);
  });

  it('a set part that is not in "products" may be a cart line: a warning, not an error', () => {
    const issues = checkOffers(cfg([{ id: 's', type: 'bundle', items: ['手ぬぐい 青海波', 'TOTE-01'], price: 2500, appliedBy: 'platform' }]));
    expect(issues.map((i) => [i.path, i.level])).toEqual([['offers[0].items[0]', 'warning']]);
  });

  it('only warns for references matched against the cart, which may name a cart line directly', () => {
    const issues = checkOffers(cfg([{ id: 'a', type: 'upsell', from: '手ぬぐい', to: 'TN-0123-DX', when: { cartHasNone: ['GIFT'] } }]));
    expect(at(issues, 'offers[0].from')[0]).toMatchObject({ level: 'warning' });
    expect(at(issues, 'offers[0].when.cartHasNone[0]')[0]).toMatchObject({ level: 'warning' });
    expect(issues.some((i) => i.level === 'error')).toBe(false);
  });

  it('refuses a set or tier price the checkout would not charge', () => {
    const issues = checkOffers(
      cfg([
        { id: 'b', type: 'bundle', items: ['TN-0456', 'TOTE-01'], price: 3000 },
        { id: 'v', type: 'volume', tiers: [{ quantity: 2, percentOff: 5 }], appliedBy: 'code' },
      ]),
    );
    expect(at(issues, 'offers[0]')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('the checkout would not charge the shown price') });
    expect(at(issues, 'offers[0]')[0].message).toContain('￥3,000');
    expect(at(issues, 'offers[0]')[0].message).toContain('"discountCode"');
    expect(at(issues, 'offers[1]')[0].level).toBe('error');
  });

  it('warns when a downsell is not priced between the product and its upgrade', () => {
    const issues = checkOffers(cfg([{ id: 'u', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', downsell: 'CH-01' }]));
    expect(at(issues, 'offers[0].downsell')[0]).toMatchObject({ level: 'warning' });
    expect(at(issues, 'offers[0].downsell')[0].message).toMatch(/￥600.*between.*￥1,320.*￥2,420/);
  });

  it('flags duplicate ids, dates that are not dates, an ended offer, and a set with no saving', () => {
    const issues = checkOffers(
      cfg([
        { id: 'same', type: 'cross-sell', for: ['KB-01'], items: ['HG-01'], endsAt: '2026-11-01' },
        { id: 'same', type: 'cross-sell', for: ['KB-01'], items: ['HG-01'], endsAt: '来週まで', when: { startsAt: 'someday' } },
        { id: 'b', type: 'bundle', items: ['TN-0456', 'TOTE-01'], price: 4000, appliedBy: 'platform' },
      ]),
      NOW,
    );
    expect(at(issues, 'offers[1].id')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('offers[0]') });
    expect(at(issues, 'offers[1].endsAt')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('"来週まで" is not a date') });
    expect(at(issues, 'offers[1].when.startsAt')[0].level).toBe('error');
    expect(at(issues, 'offers[0].endsAt')[0]).toMatchObject({ level: 'warning', message: expect.stringContaining('already passed') });
    expect(at(issues, 'offers[2].price')[0].message).toContain('not below the parts');
  });

  it('warns about gap-filler SKUs that are not products', () => {
    const issues = checkOffers({ products, freeShipping: { threshold: 10000, gapFillers: ['HG-01', 'HG-99'] } });
    expect(issues).toEqual([expect.objectContaining({ path: 'freeShipping.gapFillers[1]', level: 'warning' })]);
  });
});
