// The results' definitions written once more, plainly, in JavaScript over a list of events: what
// the SQL in queries.mjs computes. Tests check the two agree on simulated traffic, and measure the
// intervals' coverage over many seeded runs through this one (a database per run would be slow).

import type { GroupSums } from './stats';

type Event = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Exposed {
  first: number;
  holdout: boolean;
  variant: string | null;
}
interface Outcome {
  holdout: boolean;
  variant: string;
  orders: number[];
}

/**
 * Per-group sums for lift: visitors first exposed (their first impression, shown or
 * would-have-shown) in [from, to), grouped by `key(visitor)`; their orders placed at or after
 * their first exposure and before `to`, each order id once.
 * `filter(impression)` picks which impressions expose (e.g. one offer's, or only shown ones).
 */
export function groupSums(
  events: Event[],
  {
    from = -Infinity,
    to = Infinity,
    filter = () => true,
    key = (v) => (v.holdout ? 'holdout' : 'shown'),
  }: { from?: number; to?: number; filter?: (e: Event) => boolean; key?: (v: Exposed) => string | null } = {},
): Record<string, GroupSums> {
  const seen = new Set();
  const visitors = new Map<string, Exposed>();
  const orders = new Map<string, { visitorId: string; total: number; t: number }>();
  for (const e of events) {
    if (!e || seen.has(e.id)) continue;
    seen.add(e.id);
    const t = Date.parse(e.time);
    if (e.type === 'order') {
      if (!orders.has(e.orderId)) orders.set(e.orderId, { visitorId: e.visitorId, total: e.total, t });
      continue;
    }
    if (e.type !== 'impression' || !filter(e)) continue;
    const v = visitors.get(e.visitorId) ?? { first: t, holdout: false, variant: null };
    v.first = Math.min(v.first, t);
    v.holdout ||= e.holdout;
    if (e.variant !== null && (v.variant === null || e.variant < v.variant)) v.variant = e.variant;
    visitors.set(e.visitorId, v);
  }
  for (const [id, v] of visitors) if (v.first < from || v.first >= to) visitors.delete(id);
  const perVisitor = new Map<string, number[]>([...visitors.keys()].map((id) => [id, []]));
  for (const o of orders.values()) {
    const v = visitors.get(o.visitorId);
    if (v && o.t >= v.first && o.t < to) perVisitor.get(o.visitorId)!.push(o.total);
  }
  return sumsByGroup([...visitors].map(([id, v]) => ({ key: key(v), orders: perVisitor.get(id)! })));
}

/** The same sums from the simulator's per-visitor outcomes (every visitor there is exposed). */
export function outcomeSums(visitors: Outcome[], key: (v: Outcome) => string | null = (v) => (v.holdout ? 'holdout' : 'shown')): Record<string, GroupSums> {
  return sumsByGroup(visitors.map((v) => ({ key: key(v), orders: v.orders })));
}

/**
 * The per-group sums of visitors, each with its group (null: left out) and its order totals: one
 * pass of power sums, so the coverage runs over many large simulations stay quick.
 */
function sumsByGroup(visitors: Iterable<{ key: string | null; orders: number[] }>): Record<string, GroupSums> {
  const groups: Record<string, { visitors: number; converters: number; orders: number; revenue: number; s2: number; s3: number; s4: number; o2: number; o3: number; o4: number }> = {};
  for (const v of visitors) {
    if (v.key == null) continue;
    const g = (groups[v.key] ??= { visitors: 0, converters: 0, orders: 0, revenue: 0, s2: 0, s3: 0, s4: 0, o2: 0, o3: 0, o4: 0 });
    const revenue = v.orders.reduce((s, x) => s + x, 0);
    g.visitors++;
    g.converters += v.orders.length > 0 ? 1 : 0;
    g.orders += v.orders.length;
    g.revenue += revenue;
    const r2 = revenue * revenue;
    g.s2 += r2;
    g.s3 += r2 * revenue;
    g.s4 += r2 * r2;
    for (const x of v.orders) {
      const x2 = x * x;
      g.o2 += x2;
      g.o3 += x2 * x;
      g.o4 += x2 * x2;
    }
  }
  // Sums of squares are exact here (integers well below 2^53 per group at these sizes); the higher powers are not, nor need to be.
  const variance = (n: number, sum: number, sq: number) => (n > 1 ? (sq - (sum * sum) / n) / (n - 1) : 0);
  return Object.fromEntries(
    Object.entries(groups).map(([k, g]) => [
      k,
      {
        visitors: g.visitors,
        converters: g.converters,
        orders: g.orders,
        revenue: g.revenue,
        revenueVar: variance(g.visitors, g.revenue, g.s2),
        orderVar: variance(g.orders, g.revenue, g.o2),
        revenuePowers: [g.s2, g.s3, g.s4],
        orderPowers: [g.o2, g.o3, g.o4],
      },
    ]),
  );
}
