import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module of the demo, without types
import { profitScenario, SEED_000, profitFromRevenue } from '../../demo/site/dashboard/scenario.js';

describe('seed 000 worked example', () => {
  it('reproduces AOV ￥3,500 and monthly profit ￥1,200,000 → ￥1,525,000 exactly', () => {
    const r = profitScenario(SEED_000);
    expect(r.basicUnits).toBe(750);
    expect(r.premiumUnits).toBe(250);
    expect(r.basicProfitEach).toBe(1200);
    expect(r.premiumProfitEach).toBe(2500);
    expect(r.revenueBefore).toBe(3_000_000);
    expect(r.revenueAfter).toBe(3_500_000);
    expect(r.aovBefore).toBe(3000);
    expect(r.aovAfter).toBe(3500);
    expect(r.profitBefore).toBe(1_200_000);
    expect(r.profitAfter).toBe(1_525_000);
    expect(r.profitLift).toBe(325_000);
    expect(r.profitLiftYear).toBe(3_900_000);
  });
  it('other inputs: no take means no change; full take means every unit premium', () => {
    expect(profitScenario({ ...SEED_000, take: 0 }).profitLift).toBe(0);
    const all = profitScenario({ ...SEED_000, take: 1 });
    expect(all.aovAfter).toBe(5000);
    expect(all.profitAfter).toBe(2_500_000);
  });
  it('profit from measured revenue at a margin', () => {
    expect(profitFromRevenue(12_345, 0.3)).toBe(3704);
  });
});
