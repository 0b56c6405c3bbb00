import type { Db } from './db';
import type { Settings } from './settings';

/** What every route plugin can reach on its Fastify instance. */
declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    settings: Settings;
    /** The widget's own event validator (null = well formed, else a message naming the field). */
    validateEvent: (event: unknown) => string | null;
    /** Every route behind the admin token (method, url): the security tests knock on each. */
    adminRoutes: { method: string; url: string }[];
  }
}

/** An HTTP error whose message is safe to show the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
