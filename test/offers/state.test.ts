import { describe, expect, it } from 'vitest';
import { loadState, recordImpression, recordOutcome, saveState, MAX_ENTRIES } from '../../src/offers/state';
import { decide } from '../../src/offers/decide';
import type { SafeStorage } from '../../src/util/storage';
import type { UpsellOffer } from '../../src/config/types';
import { cartOf, line } from './helpers';
import { input, NOW } from './fixtures';

/** A storage like safeStorage's memory fallback: JSON round trip, never throws. */
function memory(): SafeStorage & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    get: <T>(k: string) => (raw.has(k) ? (JSON.parse(raw.get(k)!) as T) : null),
    set: (k, v) => (raw.set(k, JSON.stringify(v)), false),
    remove: (k) => void raw.delete(k),
    keys: (p) => [...raw.keys()].filter((k) => k.startsWith(p)),
  };
}

const seq = () => {
  let i = 0;
  return () => (i++ * 0.137) % 1;
};

const up: UpsellOffer = { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', downsell: 'TN-0123-M' };
const cart = cartOf([line('TN-0123', 1320, 2)]);
const DAY = 86400000;

describe('visitor state', () => {
  it('starts a new visitor with a random id when storage is empty or blocked', () => {
    const s = loadState(memory(), memory(), NOW, seq());
    expect(s.visitorId).toMatch(/^[0-9a-z]{14}-[0-9a-z]{14}$/);
    expect(s).toMatchObject({ returning: false, firstSeen: NOW, snoozed: {}, impressions: {} });
    expect(s.session).toEqual({ modalsShown: 0, declined: [], downsellShown: [], done: false });
  });

  it('keeps the visitor across visits and marks them returning; keeps the visit within a session', () => {
    const local = memory();
    const ses = memory();
    const first = loadState(local, ses, NOW, seq());
    saveState(local, ses, recordImpression(first, decide(input(cart, { offers: [up] }, { state: first })).modal!, NOW));
    const samePage = loadState(local, ses, NOW + 1000, Math.random);
    expect(samePage).toMatchObject({ visitorId: first.visitorId, sessionId: first.sessionId, returning: false });
    expect(samePage.session.modalsShown).toBe(1);
    const nextVisit = loadState(local, memory(), NOW + DAY, Math.random);
    expect(nextVisit).toMatchObject({ visitorId: first.visitorId, returning: true, firstSeen: NOW });
    expect(nextVisit.sessionId).not.toBe(first.sessionId);
    expect(nextVisit.session.modalsShown).toBe(0);
  });

  it('a declined offer stays hidden after a reload and on the next visit, for snoozeDays', () => {
    const local = memory();
    const ses = memory();
    let s = loadState(local, ses, NOW, seq());
    const prompt = decide(input(cart, { offers: [{ ...up, downsell: undefined }] }, { state: s })).modal!;
    s = recordImpression(s, prompt, NOW);
    s = recordOutcome(s, prompt, 'decline', NOW);
    saveState(local, ses, s);
    const cfg = { offers: [{ ...up, downsell: undefined }], caps: { modalsPerSession: 5 } };
    const reload = loadState(local, ses, NOW + 60000, Math.random);
    expect(decide(input(cart, cfg, { state: reload, now: NOW + 60000 })).modal).toBeNull();
    const nextWeek = loadState(local, memory(), NOW + 6 * DAY, Math.random);
    expect(decide(input(cart, cfg, { state: nextWeek, now: NOW + 6 * DAY })).modal).toBeNull();
    const after = loadState(local, memory(), NOW + 7 * DAY + 1, Math.random);
    expect(after.snoozed).toEqual({});
    expect(decide(input(cart, cfg, { state: after, now: NOW + 7 * DAY + 1 })).modal?.offerId).toBe('up-1');
  });

  it('decline → downsell once → nothing more this visit, even after a reload', () => {
    const local = memory();
    const ses = memory();
    let s = loadState(local, ses, NOW, seq());
    const upsell = decide(input(cart, { offers: [up] }, { state: s })).modal!;
    s = recordOutcome(recordImpression(s, upsell, NOW), upsell, 'decline', NOW);
    const ds = decide(input(cart, { offers: [up] }, { state: s })).modal!;
    expect(ds).toMatchObject({ kind: 'downsell', offerId: 'up-1' });
    s = recordOutcome(recordImpression(s, ds, NOW), ds, 'decline', NOW);
    saveState(local, ses, s);
    const reload = loadState(local, ses, NOW, Math.random);
    expect(reload.session.done).toBe(true);
    const again = decide(input(cart, { offers: [up, { id: 'x', type: 'cross-sell', for: ['TN-0123'], items: ['CH-01'] }] }, { state: reload }));
    expect(again.modal).toBeNull();
    expect(again.panels).toEqual([]);
  });

  it('dismissing does not arm the downsell; accepting snoozes nothing', () => {
    const s0 = loadState(memory(), memory(), NOW, seq());
    const p = decide(input(cart, { offers: [up] }, { state: s0 })).modal!;
    const dismissed = recordOutcome(s0, p, 'dismiss', NOW);
    expect(dismissed.session.declined).toEqual([]);
    expect(dismissed.snoozed['up-1']).toBe(NOW + 7 * DAY);
    expect(recordOutcome(s0, p, 'accept', NOW).snoozed).toEqual({});
    expect(recordOutcome(s0, p, 'dismiss', NOW, { snoozeDays: 2 }).snoozed['up-1']).toBe(NOW + 2 * DAY);
    expect(recordOutcome(s0, p, 'dismiss', NOW, { snoozeDays: 0 }).snoozed).toEqual({});
  });

  it('counts impressions per offer per day and starts again the next day', () => {
    let s = loadState(memory(), memory(), NOW, seq());
    const p = decide(input(cart, { offers: [up] }, { state: s })).modal!;
    s = recordImpression(recordImpression(s, p, NOW), p, NOW + 1000);
    expect(s.impressions['up-1']).toEqual(['2026-11-22', 2]);
    expect(recordImpression(s, p, NOW + DAY).impressions['up-1']).toEqual(['2026-11-23', 1]);
  });

  it('stays bounded however many offers a visitor dismisses', () => {
    let s = loadState(memory(), memory(), NOW, seq());
    const p = decide(input(cart, { offers: [up] }, { state: s })).modal!;
    for (let i = 0; i < 500; i++) {
      const q = { ...p, offerId: `o-${i}` };
      s = recordOutcome(recordImpression(s, q, NOW + i), q, 'decline', NOW + i);
    }
    expect(Object.keys(s.snoozed).length).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(Object.keys(s.impressions).length).toBeLessThanOrEqual(MAX_ENTRIES);
    expect(s.session.declined.length).toBeLessThanOrEqual(MAX_ENTRIES);
    const local = memory();
    saveState(local, memory(), s);
    expect(local.raw.get('state')!.length).toBeLessThan(12000);
    // The most recent refusals are the ones kept.
    expect(s.snoozed['o-499']).toBeGreaterThan(NOW);
  });

  it('snoozes offers named constructor, toString and __proto__ like any other, across a reload', () => {
    const local = memory();
    const ses = memory();
    const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
    const offers = names.map((id) => ({ ...up, id, downsell: undefined }));
    let s = loadState(local, ses, NOW, seq());
    // Before any answer, none of them counts as snoozed or as already shown.
    for (const o of offers) expect(decide(input(cart, { offers: [o], caps: { modalsPerSession: 9 } }, { state: s })).modal?.offerId).toBe(o.id);
    for (const o of offers) {
      const p = decide(input(cart, { offers: [o], caps: { modalsPerSession: 9 } }, { state: s })).modal!;
      s = recordOutcome(recordImpression(s, p, NOW), p, 'dismiss', NOW);
    }
    saveState(local, ses, s);
    const reload = loadState(local, ses, NOW + 1000, Math.random);
    for (const o of offers) {
      expect(reload.snoozed[o.id]).toBe(NOW + 7 * DAY);
      expect(decide(input(cart, { offers: [o], caps: { modalsPerSession: 9 } }, { state: reload, now: NOW + 1000 })).modal).toBeNull();
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype); // nothing leaked into Object.prototype
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('the visitor id carries no time; the visitor is forgotten 13 months after the first visit (configurable)', () => {
    const local = memory();
    const ses = memory();
    const first = loadState(local, ses, NOW, Math.random);
    expect(first.visitorId).not.toContain(NOW.toString(36));
    expect(first.visitorId).not.toContain(String(NOW).slice(0, 6));
    saveState(local, ses, first);
    const MONTH = 31 * DAY;
    expect(loadState(local, memory(), NOW + 12 * MONTH, Math.random).visitorId).toBe(first.visitorId);
    const later = loadState(local, memory(), NOW + 13 * MONTH + DAY, Math.random);
    expect(later.visitorId).not.toBe(first.visitorId);
    expect(later).toMatchObject({ returning: false, firstSeen: NOW + 13 * MONTH + DAY });
    expect(local.raw.has('state')).toBe(false);
    saveState(local, ses, first);
    expect(loadState(local, memory(), NOW + 3 * MONTH, Math.random, 2).visitorId).not.toBe(first.visitorId);
  });

  it('an id from an older version (it began with the first-visit time) is replaced; snoozes are kept', () => {
    const local = memory();
    local.set('state', { v: 1, visitorId: `${NOW.toString(36)}-abcdefg1234567`, firstSeen: NOW, snoozed: { 'up-1': NOW + DAY }, impressions: {} });
    const s = loadState(local, memory(), NOW + 1000, seq());
    expect(s.visitorId).not.toContain(NOW.toString(36));
    expect(s.snoozed['up-1']).toBe(NOW + DAY);
  });

  it('ignores garbage left in storage', () => {
    const local = memory();
    const ses = memory();
    local.set('state', { visitorId: 42, snoozed: 'x', impressions: [1, 2] });
    ses.set('session', { sessionId: 's', modalsShown: -3, declined: 'up-1', done: 'yes' });
    const s = loadState(local, ses, NOW, seq());
    expect(typeof s.visitorId).toBe('string');
    expect(s.snoozed).toEqual({});
    expect(s.session).toEqual({ modalsShown: 0, declined: [], downsellShown: [], done: false });
  });

  /** A "no" recorded through this storage is still there for the rest of the page view. */
  async function snoozeSurvives(local: SafeStorage) {
    const { safeStorage } = await import('../../src/util/storage');
    let s = loadState(local, safeStorage('session'), NOW, seq());
    const p = decide(input(cart, { offers: [up] }, { state: s })).modal!;
    s = recordOutcome(s, p, 'dismiss', NOW);
    saveState(local, safeStorage('session'), s);
    expect(loadState(local, memory(), NOW, seq()).snoozed['up-1']).toBe(NOW + 7 * DAY);
  }

  it('works with the real safeStorage when the browser blocks storage', async () => {
    const { safeStorage } = await import('../../src/util/storage');
    const orig = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => {
        throw new Error('blocked');
      },
    });
    try {
      const local = safeStorage('local');
      // Only memory holds what is set: the write says so.
      expect(local.set('probe', 1)).toBe(false);
      expect(local.get('probe')).toBe(1);
      await snoozeSurvives(local);
    } finally {
      if (orig) Object.defineProperty(window, 'localStorage', orig);
    }
  });

  it("keeps a visitor's answer for the page when storage refuses writes (a full quota)", async () => {
    const { safeStorage } = await import('../../src/util/storage');
    const orig = Object.getOwnPropertyDescriptor(window, 'localStorage');
    const stored = new Map<string, string>([['cart-upsell:kept', '"from before"']]);
    const full = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: (k: string) => void stored.delete(k),
      key: (i: number) => [...stored.keys()][i] ?? null,
      get length() {
        return stored.size;
      },
    };
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => full });
    try {
      const local = safeStorage('local');
      // What the page stored before still reads; what it cannot write stays in memory.
      expect(local.get('kept')).toBe('from before');
      expect(local.set('state', { n: 1 })).toBe(false);
      expect(local.get('state')).toEqual({ n: 1 });
      expect(stored.has('cart-upsell:state')).toBe(false);
      await snoozeSurvives(local);
    } finally {
      if (orig) Object.defineProperty(window, 'localStorage', orig);
    }
  });
});
