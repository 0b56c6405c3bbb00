#!/usr/bin/env node
// A throw-away PostgreSQL server for tests and the benchmark: initdb into a temp folder, start on a
// free loopback port, stop and remove it afterwards. Uses the newest /usr/lib/postgresql/*/bin
// (or PG_BIN) and a free port (or PG_PORT); as root, the server runs as the `postgres` user (PostgreSQL refuses root).
//   node scripts/postgres.mjs start   → prints `export DATABASE_URL=…; export PG_TEMP_DIR=…`
//   node scripts/postgres.mjs stop DIR
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function pgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function asServerUser(cmd, args, opts = {}) {
  if (userInfo().uid !== 0) return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  return execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
}

/** Starts a server; `settings` are extra `-c name=value` options. */
export async function startPostgres(settings = {}) {
  const bin = pgBin();
  if (!bin) throw new Error('no PostgreSQL binaries found (set PG_BIN)');
  const dir = mkdtempSync(join(tmpdir(), 'cart-upsell-pg-'));
  const data = join(dir, 'data');
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const port = process.env.PG_PORT ? Number(process.env.PG_PORT) : await freePort();
  const opts = { listen_addresses: '127.0.0.1', port, unix_socket_directories: dir, ...settings };
  const o = Object.entries(opts)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-o', o, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop: () => stopPostgres(dir) };
}

export function stopPostgres(dir) {
  const bin = pgBin();
  try {
    asServerUser(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
  } catch {
    /* already stopped */
  }
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [cmd, dir] = process.argv.slice(2);
  if (cmd === 'start') {
    const pg = await startPostgres();
    console.log(`export DATABASE_URL='${pg.url}'; export PG_TEMP_DIR='${pg.dir}'`);
  } else if (cmd === 'stop' && dir) {
    stopPostgres(dir);
  } else {
    console.error('usage: node scripts/postgres.mjs start | stop DIR');
    process.exit(2);
  }
}
