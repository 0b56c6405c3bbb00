import type { FastifyPluginAsync } from 'fastify';
import Papa from 'papaparse';
import { COUNTS_SQL, COUNT_KEYS, emptyCounts, grouped, parseRange, pickCounts, type Counts } from '../results/query';

type Query = { from?: string; to?: string; offer?: string; variant?: string };

/** Folds rows that differ only in `holdout` into one entry with `shown` and `holdout` counts. */
function split(rows: Record<string, unknown>[], keys: string[], name: (r: Record<string, unknown>) => Record<string, unknown>) {
  const out = new Map<string, Record<string, unknown> & { shown: Counts; holdout: Counts }>();
  for (const r of rows) {
    const id = JSON.stringify(keys.map((k) => r[k]));
    let entry = out.get(id);
    if (!entry) out.set(id, (entry = { ...name(r), shown: emptyCounts(), holdout: emptyCounts() }));
    entry[r.holdout ? 'holdout' : 'shown'] = pickCounts(r);
  }
  return [...out.values()];
}

/**
 * The results the dashboard reads, all summed in SQL from the daily rollups (never from raw
 * events), for a range of days in the shop's time zone (`from`, `to`; default the last 30 days):
 *   GET /results/totals              shown vs holdout
 *   GET /results/series              per day (every day of the range, zeros included); ?offer= ?variant=
 *   GET /results/offers              per offer (a downsell is its own row: offerType "downsell")
 *   GET /results/variants            per offer × copy variant; ?offer=
 *   GET /results/export.csv          per day × offer × variant × group, as CSV
 * Each group's counts: impressions, accepts, declines, dismisses, acceptFailed, acceptedValue,
 * acceptanceRate, orders, orderTotal. Holdout impressions are the prompts a holdout visitor
 * would have seen.
 */
export const resultsRoutes: FastifyPluginAsync = async (app) => {
  const tz = app.settings.timeZone;

  app.get<{ Querystring: Query }>('/results/totals', async (req) => {
    const range = parseRange(req.query, tz);
    const [entry] = split(await grouped(app.db, range, []), [], () => ({}));
    return { ...range, timeZone: tz, shown: entry?.shown ?? emptyCounts(), holdout: entry?.holdout ?? emptyCounts() };
  });

  app.get<{ Querystring: Query }>('/results/series', async (req) => {
    const range = parseRange(req.query, tz);
    const { offer, variant } = req.query;
    const rows = await grouped(app.db, range, ['day'], { offer, variant: variant === undefined ? undefined : variant });
    const byDay = new Map(split(rows, ['day'], (r) => ({ day: r.day })).map((d) => [d.day as string, d]));
    const { rows: days } = await app.db.query<{ day: string }>(`select d::date as day from generate_series($1::date, $2::date, interval '1 day') d order by 1`, [range.from, range.to]);
    return {
      ...range,
      timeZone: tz,
      days: days.map(({ day }) => byDay.get(day) ?? { day, shown: emptyCounts(), holdout: emptyCounts() }),
    };
  });

  app.get<{ Querystring: Query }>('/results/offers', async (req) => {
    const range = parseRange(req.query, tz);
    const rows = await grouped(app.db, range, ['offer_id', 'offer_type']);
    const offers = split(
      rows.filter((r) => r.offer_id !== ''),
      ['offer_id', 'offer_type'],
      (r) => ({ offerId: r.offer_id, offerType: r.offer_type }),
    );
    return { ...range, timeZone: tz, offers };
  });

  app.get<{ Querystring: Query }>('/results/variants', async (req) => {
    const range = parseRange(req.query, tz);
    const rows = await grouped(app.db, range, ['offer_id', 'offer_type', 'variant'], { offer: req.query.offer });
    const variants = split(
      rows.filter((r) => r.offer_id !== ''),
      ['offer_id', 'offer_type', 'variant'],
      (r) => ({ offerId: r.offer_id, offerType: r.offer_type, variant: r.variant === '' ? null : r.variant }),
    );
    return { ...range, timeZone: tz, variants };
  });

  app.get<{ Querystring: Query }>('/results/export.csv', async (req, reply) => {
    const range = parseRange(req.query, tz);
    const { rows } = await app.db.query(
      `select day, offer_id, offer_type, variant, holdout, ${COUNTS_SQL}
       from rollup_daily where day between $1::date and $2::date
       group by day, offer_id, offer_type, variant, holdout order by day, offer_id, offer_type, variant, holdout`,
      [range.from, range.to],
    );
    const csv = Papa.unparse(
      {
        fields: ['day', 'offer_id', 'offer_type', 'variant', 'group', ...COUNT_KEYS],
        data: rows.map((r) => [r.day, r.offer_id, r.offer_type, r.variant, r.holdout ? 'holdout' : 'shown', ...COUNT_KEYS.map((k) => r[k] ?? '')]),
      },
      { escapeFormulae: true },
    );
    return (
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cart-upsell-${range.from}-${range.to}.csv"`)
        // A BOM so Excel (the merchant's usual tool) reads the Japanese text as UTF-8.
        .send('\uFEFF' + csv + '\r\n')
    );
  });
};
