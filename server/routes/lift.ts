import type { FastifyPluginAsync } from 'fastify';
import { readFile } from 'node:fs/promises';
import { parseRange } from '../results/query';
import { HttpError } from '../types';
import { compare, compareRates, wilson } from '../lift/stats';
import { dailySums, liftSums, offerResults, orderTotals, variantAcceptance, type Queryable, type Span } from '../lift/queries';
import { offerNames } from '../lift/names';

type Query = { from?: string; to?: string; minEffect?: string; windowHours?: string };

/** The range's days (shop time zone, inclusive) as instants [from, to). */
async function span(db: Queryable, range: { from: string; to: string }, timeZone: string): Promise<Span> {
  const { rows } = await db.query<{ f: Date | string; t: Date | string }>(`select ($1::date::timestamp at time zone $3) as f, (($2::date + 1)::timestamp at time zone $3) as t`, [
    range.from,
    range.to,
    timeZone,
  ]);
  const iso = (x: Date | string) => new Date(x).toISOString();
  return { from: iso(rows[0].f), to: iso(rows[0].t) };
}

function numberParam(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new HttpError(400, `${name}: expected a number from ${min} to ${max}`);
  return n;
}

/**
 * Does it pay? Computed in SQL from the lift tables kept on ingest (never the raw events), for a
 * range of days:
 *   GET /results/lift          shown vs holdout overall and per offer, and each offer's copy variants
 *                              against the first: conversion, revenue per visitor and order value,
 *                              each with 95 % intervals, the lift and a verdict. ?minEffect=0.05
 *   GET /results/lift/series   per day of first exposure: visitors, buyers, orders and revenue per group
 *   GET /results/attribution   per offer: impressions once per page view, acceptance with its
 *                              interval, failed accepts, revenue attributed from real orders
 *                              (?windowHours=168), the range's orders; per copy variant: its
 *                              acceptance with its interval, against the first variant with a verdict
 *   GET /results/offer-names   offer id → a readable name, from the shop's config (CONFIG_FILE)
 */
export const liftRoutes: FastifyPluginAsync = async (app) => {
  const tz = app.settings.timeZone;

  app.get<{ Querystring: Query }>('/results/lift', async (req) => {
    const range = parseRange(req.query, tz);
    const options = { minEffect: numberParam(req.query.minEffect, 'minEffect', 0.05, 0.001, 1) };
    const s = await span(app.db, range, tz);
    const { overall, offers: sums } = await liftSums(app.db, s);
    const both = (g: Record<string, unknown>) => g.shown && g.holdout;
    const offers = sums.map(({ offerId, groups, variants }) => {
      const names = Object.keys(variants).sort();
      return {
        offerId,
        shownVsHoldout: both(groups) ? compare(groups.shown, groups.holdout, options) : null,
        groups,
        variants: names.slice(1).map((v) => ({ variantA: v, variantB: names[0], ...compare(variants[v], variants[names[0]], options) })),
        variantGroups: variants,
      };
    });
    return {
      ...range,
      timeZone: tz,
      minEffect: options.minEffect,
      groups: overall,
      overall: both(overall) ? compare(overall.shown, overall.holdout, options) : null,
      offers,
    };
  });

  app.get<{ Querystring: Query }>('/results/lift/series', async (req) => {
    const range = parseRange(req.query, tz);
    const rows = await dailySums(app.db, { ...(await span(app.db, range, tz)), timeZone: tz });
    const { rows: days } = await app.db.query<{ day: string }>(`select to_char(d, 'YYYY-MM-DD') as day from generate_series($1::date, $2::date, interval '1 day') d order by 1`, [
      range.from,
      range.to,
    ]);
    const empty = { visitors: 0, converters: 0, orders: 0, revenue: 0 };
    const at = (day: string, group: string) => {
      const r = rows.find((x) => x.day === day && x.group === group);
      return r ? { visitors: r.visitors, converters: r.converters, orders: r.orders, revenue: r.revenue } : empty;
    };
    return { ...range, timeZone: tz, days: days.map(({ day }) => ({ day, shown: at(day, 'shown'), holdout: at(day, 'holdout') })) };
  });

  app.get<{ Querystring: Query }>('/results/attribution', async (req) => {
    const range = parseRange(req.query, tz);
    const windowHours = numberParam(req.query.windowHours, 'windowHours', 168, 0, 24 * 90);
    const s = await span(app.db, range, tz);
    const offers = (await offerResults(app.db, { ...s, windowHours })).map((o) => ({
      ...o,
      // Page views with an acceptance ÷ page views that showed the offer.
      acceptance: wilson(o.acceptedViews, o.impressions),
    }));
    // Per copy variant: its acceptance, and each variant against the first (as in /results/lift).
    const rows = await variantAcceptance(app.db, s);
    const variants = rows.map((v) => {
      const first = rows.find((b) => b.offerId === v.offerId && b.offerType === v.offerType)!;
      return {
        ...v,
        acceptance: wilson(v.acceptedViews, v.impressions),
        against: first === v ? null : { variant: first.variant, ...compareRates(v.acceptedViews, v.impressions, first.acceptedViews, first.impressions) },
      };
    });
    return { ...range, timeZone: tz, windowHours, offers, variants, orders: await orderTotals(app.db, s) };
  });

  app.get('/results/offer-names', async () => {
    const file = app.settings.configFile;
    if (!file) return { names: {} };
    try {
      return { names: offerNames(JSON.parse(await readFile(file, 'utf8'))) };
    } catch {
      return { names: {} };
    }
  });
};
