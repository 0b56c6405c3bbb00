import { resolve } from 'node:path';

/** Everything the service reads from its environment, with the defaults a shop gets. */
export interface Settings {
  port: number;
  host: string;
  /** The embedded store's folder (also where a generated admin token is kept), or `memory://`. */
  dataDir: string;
  databaseUrl?: string;
  adminToken?: string;
  /** Shop origins allowed to send events; empty = this service's own origin and localhost only. */
  allowedOrigins: string[];
  /** Requests per minute from one IP address; 0 turns the limit off. */
  rateLimit: number;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** Most events in one POST. */
  batchLimit: number;
  /** Batches being written at once before new ones are asked to come back later (429). */
  maxPendingBatches: number;
  /** The shop's time zone: a "day" in the results is a day there. */
  timeZone: string;
  /** Raw events older than this many days are deleted (the daily rollups are kept); 0 keeps them all. */
  retentionDays: number;
  /** A JSON config file served as /cart-upsell.json (the shop's widget config). */
  configFile?: string;
  /** The built widget's folder (dist/). */
  widgetDir: string;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv, root: string): Settings {
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number ≥ 0, got "${raw}"`);
    return n;
  };
  const origins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((o) => {
      let url: URL;
      try {
        url = new URL(o);
      } catch {
        throw new Error(`ALLOWED_ORIGINS: "${o}" is not an origin such as https://shop.example.jp`);
      }
      if (url.origin === 'null' || url.origin !== o.replace(/\/$/, '')) {
        throw new Error(`ALLOWED_ORIGINS: "${o}" is not an origin such as https://shop.example.jp (no path)`);
      }
      return url.origin;
    });
  return {
    port: int('PORT', 5173),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR?.startsWith('memory://') ? env.DATA_DIR : resolve(root, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.ADMIN_TOKEN || undefined,
    allowedOrigins: origins,
    rateLimit: int('RATE_LIMIT', 1200),
    bodyLimit: int('BODY_LIMIT', 256 * 1024),
    batchLimit: int('BATCH_LIMIT', 500),
    maxPendingBatches: int('MAX_PENDING_BATCHES', 64),
    timeZone: env.TIME_ZONE || 'Asia/Tokyo',
    retentionDays: int('RETENTION_DAYS', 0),
    configFile: env.CONFIG_FILE || undefined,
    widgetDir: resolve(root, env.CART_UPSELL_OUT || 'dist'),
  };
}
