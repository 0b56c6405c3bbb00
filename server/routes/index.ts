import type { FastifyPluginAsync } from 'fastify';
import { ingestRoutes } from './ingest';
import { rawRoutes } from './raw';
import { resultsRoutes } from './results';
import { liftRoutes } from './lift';

/** Routes open to shop pages (origin-checked, rate-limited). */
export const publicRoutes: FastifyPluginAsync[] = [ingestRoutes];

/**
 * Routes behind the admin token. A results plugin of its own (one file, `app.db` and
 * `app.settings` at hand) is added here and is guarded like every other.
 */
export const adminRoutes: FastifyPluginAsync[] = [rawRoutes, resultsRoutes, liftRoutes];
