import type { Db } from '../db';
import type { StoredEvent } from './clean';
import { storeEventIds } from './store';

interface Waiting {
  events: StoredEvent[];
  resolve: (stored: number) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: batches that arrive while a transaction is committing wait, then go in together
 * in the next one. The embedded store runs one statement at a time on the thread that also serves
 * HTTP, so each transaction's fixed cost (begin, five statements, commit) is paid once for the
 * group instead of once per batch. A request is still answered only after the transaction holding
 * its events has committed, and a failed transaction fails every request in it (each is retried by
 * its widget; ids make the retry harmless). Returns, per batch, how many of its events were new.
 */
export function groupCommits(db: Db, timeZone: string, maxEvents: number): (events: StoredEvent[]) => Promise<number> {
  let waiting: Waiting[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.length) {
        // Whole batches up to maxEvents (at least one): a transaction stays as small as a few batches.
        let count = 0;
        let take = 0;
        while (take < waiting.length && (take === 0 || count + waiting[take].events.length <= maxEvents)) count += waiting[take++].events.length;
        const group = waiting.slice(0, take);
        waiting = waiting.slice(take);
        const seen = new Set<string>();
        const events = group.flatMap((w) => w.events).filter((e) => !seen.has(e.id) && seen.add(e.id));
        try {
          const stored = await storeEventIds(db, events, timeZone);
          // An id sent by two batches of one group counts as new for the first only.
          for (const w of group) w.resolve(w.events.filter((e) => stored.delete(e.id)).length);
        } catch (err) {
          for (const w of group) w.reject(err);
        }
      }
    } finally {
      running = false;
    }
  }

  return (events) =>
    new Promise<number>((resolve, reject) => {
      waiting.push({ events, resolve, reject });
      if (!running) void drain();
    });
}
