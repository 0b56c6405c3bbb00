import type { Queryable } from '../db';
import { HttpError } from '../types';

/** Counts of one group (shown or holdout) of rollup rows, as the results API returns them. */
export interface Counts {
  impressions: number;
  accepts: number;
  declines: number;
  dismisses: number;
  acceptFailed: number;
  /** Sum of the accepted events' value (minor units). */
  acceptedValue: number;
  /** accepts ÷ impressions, null without impressions. */
  acceptanceRate: number | null;
  orders: number;
  orderTotal: number;
}

// Every figure is summed from rollup_daily in SQL; no request reads the events table.
export const COUNTS_SQL = `
  coalesce(sum(events) filter (where type = 'impression'), 0)::bigint as "impressions",
  coalesce(sum(events) filter (where type = 'accept'), 0)::bigint as "accepts",
  coalesce(sum(events) filter (where type = 'decline'), 0)::bigint as "declines",
  coalesce(sum(events) filter (where type = 'dismiss'), 0)::bigint as "dismisses",
  coalesce(sum(events) filter (where type = 'accept-failed'), 0)::bigint as "acceptFailed",
  coalesce(sum(value) filter (where type = 'accept'), 0)::bigint as "acceptedValue",
  round(coalesce(sum(events) filter (where type = 'accept'), 0)::numeric
        / nullif(sum(events) filter (where type = 'impression'), 0), 6) as "acceptanceRate",
  coalesce(sum(events) filter (where type = 'order'), 0)::bigint as "orders",
  coalesce(sum(order_total) filter (where type = 'order'), 0)::bigint as "orderTotal"`;

export const COUNT_KEYS = ['impressions', 'accepts', 'declines', 'dismisses', 'acceptFailed', 'acceptedValue', 'acceptanceRate', 'orders', 'orderTotal'] as const;

export const emptyCounts = (): Counts => ({
  impressions: 0,
  accepts: 0,
  declines: 0,
  dismisses: 0,
  acceptFailed: 0,
  acceptedValue: 0,
  acceptanceRate: null,
  orders: 0,
  orderTotal: 0,
});

export function pickCounts(row: Record<string, unknown>): Counts {
  const c = emptyCounts() as unknown as Record<string, unknown>;
  for (const k of COUNT_KEYS) c[k] = row[k] ?? c[k];
  return c as unknown as Counts;
}

export interface Range {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 3660;

/** Today in the shop's time zone, as YYYY-MM-DD. */
export function today(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `from`/`to` (inclusive days, shop time zone); by default the last 30 days up to today. */
export function parseRange(q: { from?: string; to?: string }, timeZone: string): Range {
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (v !== undefined && (!DAY.test(v) || isNaN(Date.parse(v + 'T00:00:00Z')))) throw new HttpError(400, `${k}: expected a day as YYYY-MM-DD`);
  }
  const to = q.to ?? today(timeZone);
  const from = q.from ?? new Date(Date.parse(to + 'T00:00:00Z') - 29 * 86_400_000).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) throw new HttpError(400, 'from: expected a day on or before to');
  if (days >= MAX_DAYS) throw new HttpError(400, `from: expected a range of at most ${MAX_DAYS} days`);
  return { from, to };
}

/** Rows of counts grouped by `keys` (columns of rollup_daily), split into shown and holdout. */
export async function grouped(q: Queryable, range: Range, keys: string[], filters: { offer?: string; variant?: string } = {}): Promise<Record<string, unknown>[]> {
  const params: unknown[] = [range.from, range.to];
  const where = ['day between $1::date and $2::date'];
  if (filters.offer !== undefined) {
    params.push(filters.offer);
    where.push(`offer_id = $${params.length}`);
  }
  if (filters.variant !== undefined) {
    params.push(filters.variant);
    where.push(`variant = $${params.length}`);
  }
  const cols = [...keys, 'holdout'].join(', ');
  const { rows } = await q.query(`select ${cols}, ${COUNTS_SQL} from rollup_daily where ${where.join(' and ')} group by ${cols} order by ${cols}`, params);
  return rows;
}
