// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../server/db';
import { groupCommits } from '../../server/ingest/group';
import type { StoredEvent } from '../../server/ingest/clean';
import { drivers, event, freshDb, type TestDb } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const ev = (id: string) => event(id) as unknown as StoredEvent;

describe.each(drivers)('group commit (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let transactions = 0;
  let failNext = false;
  beforeAll(async () => {
    t = await freshDb(driver);
    // The real database, with its transactions counted (and one made to fail on demand).
    db = {
      ...t.db,
      driver: t.db.driver,
      query: t.db.query.bind(t.db),
      transaction: async (fn) => {
        transactions++;
        if (failNext) {
          failNext = false;
          throw Object.assign(new Error('connection lost'), { fromDb: true });
        }
        return t.db.transaction(fn);
      },
    };
  }, 120_000);
  afterAll(async () => t?.drop());

  const storedIds = async () => (await t.db.query<{ id: string }>('select id from events order by id')).rows.map((r) => r.id);

  it('stores batches that arrive together in fewer transactions, each id once, counting new ids per batch', async () => {
    const store = groupCommits(db, 'Asia/Tokyo', 1000);
    transactions = 0;
    // 20 batches sent at once, as 20 tabs would; neighbours share ids, as retries do.
    const batches = Array.from({ length: 20 }, (_, b) => [ev(`g-${b}-0`), ev(`g-${b}-1`), ev(`g-${b + 1}-0`)]);
    const counts = await Promise.all(batches.map((events) => store(events)));
    const ids = await storedIds();
    expect(ids).toHaveLength(41);
    expect(new Set(ids).size).toBe(41);
    // Every id was counted new exactly once over all the answers.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(41);
    expect(counts[0]).toBe(3);
    // The first batch went alone; the 19 that waited for it went together.
    expect(transactions).toBe(2);
    // Sent again: nothing is new.
    expect(await Promise.all(batches.slice(0, 3).map((events) => store(events)))).toEqual([0, 0, 0]);
  });

  it('keeps a transaction to whole batches of at most maxEvents', async () => {
    const store = groupCommits(db, 'Asia/Tokyo', 4);
    transactions = 0;
    const batches = Array.from({ length: 7 }, (_, b) => [ev(`m-${b}-0`), ev(`m-${b}-1`)]);
    expect(await Promise.all(batches.map((events) => store(events)))).toEqual([2, 2, 2, 2, 2, 2, 2]);
    // 1 alone, then 2 + 2 + 2 batches of two events.
    expect(transactions).toBe(4);
  });

  it('a failed transaction fails every batch in it and nothing of them is stored; the next group goes on', async () => {
    const store = groupCommits(db, 'Asia/Tokyo', 1000);
    const before = (await storedIds()).length;
    failNext = true;
    const first = store([ev('f-0')]);
    const waiting = [store([ev('f-1')]), store([ev('f-2')])];
    await expect(first).rejects.toThrow('connection lost');
    expect(await Promise.all(waiting)).toEqual([1, 1]);
    expect((await storedIds()).length).toBe(before + 2);
    expect(await store([ev('f-0')])).toBe(1);
  });
});
