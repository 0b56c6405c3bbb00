// @vitest-environment node
// RETENTION_DAYS: raw events past it are deleted, the daily results keep every day.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyRetention, keepRetention } from '../../server/ingest/retention';
import { useTimeZone } from '../../server/ingest/store';
import { settingsFromEnv } from '../../server/settings';
import { drivers, event, freshDb, getJson, post, startApp, type TestApp, type TestDb } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const dayOf = (iso: string) => iso.slice(0, 10);

describe.each(drivers)('retention (%s)', (driver) => {
  let t: TestDb;
  let s: TestApp;
  beforeAll(async () => {
    t = await freshDb(driver);
    s = await startApp(t.db, { RATE_LIMIT: '0' });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await t?.drop();
  });

  const ids = async () => (await getJson(s.base, '/events?limit=1000')).events.map((e: { id: string }) => e.id).sort();
  // Every day from before the oldest event to tomorrow (any time zone).
  const all = () => getJson(s.base, `/results/totals?from=${dayOf(ago(120))}&to=${dayOf(ago(-2))}`);

  it('deletes raw events older than the setting and keeps their results; a time-zone change after it loses nothing', async () => {
    const sent = [
      ...[0, 1, 2].map((i) => event(`old-${i}`, { time: ago(100 + i) })),
      ...[0, 1].map((i) => event(`mid-${i}`, { time: ago(40), type: 'accept', value: 1000 })),
      ...[0, 1, 2, 3].map((i) => event(`new-${i}`, { time: ago(5 - i) })),
    ];
    expect((await post(s.base, { events: sent })).status).toBe(200);
    const before = await all();
    expect(before.shown.impressions).toBe(7);
    expect(before.shown.accepts).toBe(2);

    expect(await applyRetention(t.db, 30, now)).toBe(5);
    expect(await ids()).toEqual(['new-0', 'new-1', 'new-2', 'new-3']);
    // The results still count every event, old days included.
    expect(await all()).toEqual(before);
    const oldDays = await getJson(s.base, `/results/totals?from=${dayOf(ago(110))}&to=${dayOf(ago(35))}`);
    expect(oldDays.shown.impressions).toBe(3);
    expect(oldDays.shown.acceptedValue).toBe(2000);
    // Nothing more to delete the second time.
    expect(await applyRetention(t.db, 30, now)).toBe(0);

    // The rollups are rebuilt from the events on a time-zone change: the days whose events are
    // gone keep their rollups, the others are summed again, nothing is lost or counted twice.
    await useTimeZone(t.db, 'America/Los_Angeles');
    expect((await all()).shown).toEqual(before.shown);
    await useTimeZone(t.db, 'Asia/Tokyo');
    expect((await all()).shown).toEqual(before.shown);
    expect(await ids()).toEqual(['new-0', 'new-1', 'new-2', 'new-3']);
  });

  it('runs at start and then every hour in the service, saying what it deleted', async () => {
    expect((await post(s.base, { events: [event('older-1', { time: ago(31) }), event('newer-1', { time: ago(29) })] })).status).toBe(200);
    const said: string[] = [];
    const r = keepRetention(t.db, 30, (m) => said.push(m));
    await r.first;
    await r.stop();
    expect(said).toEqual(['retention: deleted 1 raw events older than 30 days (the daily results keep them)']);
    expect(await ids()).toContain('newer-1');
    expect(await ids()).not.toContain('older-1');
  });
});

describe('RETENTION_DAYS', () => {
  it('is off by default, a whole number of days otherwise', () => {
    expect(settingsFromEnv({}, '/srv').retentionDays).toBe(0);
    expect(settingsFromEnv({ RETENTION_DAYS: '400' }, '/srv').retentionDays).toBe(400);
    expect(() => settingsFromEnv({ RETENTION_DAYS: '30d' }, '/srv')).toThrow(/RETENTION_DAYS: expected a whole number/);
  });
});
