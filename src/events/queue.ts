import type { SafeStorage } from '../util/storage';
import type { AnyEvent } from './schema';

/**
 * The stored queue: one storage key per event (`cart-upsell:ev:<id>`), written once by the tab
 * that made the event and only ever removed after that — by whichever tab had it acknowledged.
 * No tab rewrites another tab's keys, so no write can overwrite events it has not seen (two
 * tabs sharing one list lost each other's events), and queuing an event costs one small write
 * whatever the queue's length.
 */
export interface StoredQueue {
  put(event: AnyEvent): void;
  /** Every tab's waiting events, oldest first; expired ones and those beyond the bound are dropped. */
  list(): AnyEvent[];
  remove(ids: Iterable<string>): void;
}

const KEY = 'ev:';
const DROPPED = 'events-dropped';
/** Bound on stored events; the oldest beyond it are dropped and counted. */
export const MAX_QUEUE = 500;
/** Stored events older than this are dropped: a visitor who never comes back leaves nothing. */
export const MAX_AGE_MS = 7 * 86_400_000;

const valid = (e: unknown): e is AnyEvent => !!e && typeof e === 'object' && typeof (e as AnyEvent).id === 'string' && typeof (e as AnyEvent).time === 'string';

export function storedQueue(storage: SafeStorage, now: () => number): StoredQueue {
  /** key → parsed event, so listing parses only keys it has not seen yet. */
  const known = new Map<string, AnyEvent>();

  function drop(list: AnyEvent[]): void {
    for (const e of list) {
      storage.remove(KEY + e.id);
      known.delete(KEY + e.id);
    }
    if (list.length) storage.set(DROPPED, (storage.get<number>(DROPPED) ?? 0) + list.length);
  }

  return {
    put(event) {
      storage.set(KEY + event.id, event);
      known.set(KEY + event.id, event);
    },
    list() {
      const keys = storage.keys(KEY);
      const live = new Set(keys);
      for (const k of known.keys()) if (!live.has(k)) known.delete(k);
      for (const k of keys) {
        if (known.has(k)) continue;
        const e = storage.get<AnyEvent>(k);
        if (valid(e) && KEY + e.id === k) known.set(k, e);
        else storage.remove(k);
      }
      const cutoff = now() - MAX_AGE_MS;
      const all: AnyEvent[] = [];
      const old: AnyEvent[] = [];
      for (const e of known.values()) (Date.parse(e.time) < cutoff ? old : all).push(e);
      all.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      const over = all.length - MAX_QUEUE;
      drop(over > 0 ? old.concat(all.splice(0, over)) : old);
      return all;
    },
    remove(ids) {
      for (const id of ids) {
        storage.remove(KEY + id);
        known.delete(KEY + id);
      }
    },
  };
}
