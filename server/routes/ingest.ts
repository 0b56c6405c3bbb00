import type { FastifyPluginAsync } from 'fastify';
import { cleanEvent, checkLimits, type StoredEvent } from '../ingest/clean';
import { groupCommits } from '../ingest/group';
import { HttpError } from '../types';

/**
 * POST /events — the widget's delivery contract: a text/plain JSON body {"events":[…]}; every
 * event checked by the widget's own validator (400 naming the first bad field, nothing of the
 * batch stored); 2xx only once the batch is committed; ids already stored are skipped.
 */
export const ingestRoutes: FastifyPluginAsync = async (app) => {
  const { batchLimit, maxPendingBatches, timeZone } = app.settings;
  let pending = 0;
  // A few batches to a transaction at most, so no one request waits behind a very large group.
  const store = groupCommits(app.db, timeZone, 4 * batchLimit);

  app.post('/events', async (req, reply) => {
    let body: unknown;
    try {
      body = JSON.parse(typeof req.body === 'string' ? req.body : '');
    } catch {
      throw new HttpError(400, 'body: expected JSON {"events": [...]}');
    }
    const list = (body as { events?: unknown } | null)?.events;
    if (!Array.isArray(list)) throw new HttpError(400, 'events: expected a list');
    if (list.length > batchLimit) throw new HttpError(413, `events: at most ${batchLimit} in one request, got ${list.length}`);
    const events: StoredEvent[] = [];
    for (let i = 0; i < list.length; i++) {
      const problem = app.validateEvent(list[i]) ?? checkLimits(list[i] as Record<string, unknown>);
      if (problem) throw new HttpError(400, `events[${i}].${problem}`);
      events.push(cleanEvent(list[i] as Record<string, unknown>));
    }
    // Past this many batches waiting on the database, new ones are asked to come back: the
    // widget keeps them and honours Retry-After.
    if (pending >= maxPendingBatches) {
      throw new HttpError(429, 'busy: try again in 2 s', { 'retry-after': '2' });
    }
    pending++;
    let stored: number;
    try {
      stored = await store(events);
    } finally {
      pending--;
    }
    return reply.header('cache-control', 'no-store').send({ stored, duplicates: events.length - stored });
  });
};
