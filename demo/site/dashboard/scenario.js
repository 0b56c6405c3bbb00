// Seed 000's worked example as a planning calculator: what a share of upgraded units does to the
// average price and the profit. Arithmetic only, apart from the DOM so it can be tested; measured
// results come from the results service, never from here.

/**
 * Seed 000's profit calculation: `units` sold a month of a basic product, a share `take` upgraded
 * to the premium one; margins as fractions. Amounts in yen, rounded to the yen.
 */
export function profitScenario({ units, basicPrice, premiumPrice, take, basicMargin, premiumMargin }) {
  const premiumUnits = Math.round(units * take);
  const basicUnits = units - premiumUnits;
  const basicProfitEach = Math.round(basicPrice * basicMargin);
  const premiumProfitEach = Math.round(premiumPrice * premiumMargin);
  const revenueBefore = units * basicPrice;
  const revenueAfter = basicUnits * basicPrice + premiumUnits * premiumPrice;
  const profitBefore = units * basicProfitEach;
  const profitAfter = basicUnits * basicProfitEach + premiumUnits * premiumProfitEach;
  return {
    basicUnits,
    premiumUnits,
    basicProfitEach,
    premiumProfitEach,
    revenueBefore,
    revenueAfter,
    aovBefore: units ? Math.round(revenueBefore / units) : 0,
    aovAfter: units ? Math.round(revenueAfter / units) : 0,
    profitBefore,
    profitAfter,
    profitLift: profitAfter - profitBefore,
    profitLiftYear: (profitAfter - profitBefore) * 12,
  };
}

/** Seed 000 (アップセルとは?): the worked example of a supplement shop. */
export const SEED_000 = { units: 1000, basicPrice: 3000, premiumPrice: 5000, take: 0.25, basicMargin: 0.4, premiumMargin: 0.5 };

/** Profit from the measured data: the revenue the prompts added, at the merchant's margin. */
export const profitFromRevenue = (revenue, margin) => Math.round(revenue * margin);
