// @vitest-environment node
// The embedded store is one process's folder: a second service started on the same DATA_DIR must
// refuse and leave the first one's data intact. Two real processes of the built service.
import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../server/db';
import { lockFolder } from '../../server/db/lock';
import { event, exited, getJson, pgliteTemplate, post, spawnService, TOKEN } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

describe('the embedded store folder', () => {
  it('a second service on the same DATA_DIR refuses with a clear message; the first keeps serving its data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locked-'));
    const seed = await openDb({ DATA_DIR: dir, from: await pgliteTemplate() });
    await seed.close();
    const env = { DATA_DIR: dir, DATABASE_URL: '', ADMIN_TOKEN: TOKEN, RATE_LIMIT: '0' };
    const first = await spawnService(env);
    try {
      expect((await post(first.base, { events: [event('lock-1'), event('lock-2')] })).status).toBe(200);

      const refused = await spawnService(env).then(
        (s) => (s.proc.kill('SIGKILL'), null),
        (err: { code: number; output: string }) => err,
      );
      expect(refused, 'the second service started on a folder in use').not.toBeNull();
      expect(refused!.code).toBe(1);
      expect(refused!.output).toContain(`in use by another cart-upsell service (process ${first.proc.pid}`);
      expect(refused!.output).toContain('DATABASE_URL');

      // The first one was not disturbed: it still stores and reads.
      expect((await post(first.base, { events: [event('lock-3')] })).status).toBe(200);
      const page = await getJson(first.base, '/events?limit=100');
      expect(page.events.map((e: { id: string }) => e.id).sort()).toEqual(['lock-1', 'lock-2', 'lock-3']);
    } finally {
      first.proc.kill('SIGKILL');
      await exited(first.proc);
    }

    // Killed without a chance to clean up: its lock is left behind, names a dead process, and the
    // next start takes it over with every acknowledged event there.
    expect(JSON.parse(readFileSync(join(dir, 'pgdata.lock'), 'utf8')).pid).toBe(first.proc.pid);
    const next = await spawnService(env);
    try {
      const page = await getJson(next.base, '/events?limit=100');
      expect(page.events.map((e: { id: string }) => e.id).sort()).toEqual(['lock-1', 'lock-2', 'lock-3']);
    } finally {
      next.proc.kill('SIGTERM');
      await exited(next.proc);
    }
    // A clean stop removes the lock.
    expect(existsSync(join(dir, 'pgdata.lock'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 240_000);

  it('in one process too: a second lock on the folder is refused until the first is released', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locked-'));
    const lock = lockFolder(join(dir, 'pgdata'));
    expect(() => lockFolder(join(dir, 'pgdata'))).toThrow(/in use by another cart-upsell service \(process \d+/);
    lock.release();
    expect(existsSync(join(dir, 'pgdata.lock'))).toBe(false);
    lockFolder(join(dir, 'pgdata')).release();
    rmSync(dir, { recursive: true, force: true });
  });
});
