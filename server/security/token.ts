import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AdminToken {
  token: string;
  /** True when it was made just now: the only time it is printed. */
  generated: boolean;
  /** Where it is kept, when it was generated or read from a file. */
  file?: string;
}

/** ADMIN_TOKEN, else the token kept in DATA_DIR/admin-token, else a new one written there. */
export function loadAdminToken(given: string | undefined, dataDir: string): AdminToken {
  if (given) {
    if (given.length < 16) throw new Error('ADMIN_TOKEN: expected at least 16 characters');
    return { token: given, generated: false };
  }
  if (dataDir.startsWith('memory://')) return { token: randomBytes(24).toString('base64url'), generated: true };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (token.length >= 16) return { token, generated: false, file };
  }
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  // Readable by the service's own user only.
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return { token, generated: true, file };
}

/** Compares in constant time (over digests, so the lengths leak nothing either). */
export function tokenMatches(expected: string, header: string | undefined): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const a = createHash('sha256').update(m[1]).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
