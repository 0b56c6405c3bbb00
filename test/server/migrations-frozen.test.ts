// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { migrations } from '../../server/db/migrations';

// A released migration has run on merchants' databases and will never run there again: an edit to
// it reaches only new installs, and two shops then have two schemas. So each step's text is held to
// the hash it was released with. A failure here means: put the change back and add a new step.
const RELEASED: Record<number, string> = {
  1: '051eeea959af4f76ad1efe56122a4fc93df3f6093316fb546df2946d028f0aea',
  2: '5c979b43ae0b77b3b05500670fadfc48c1145b7287b6c4fe0ef661f1178e728e',
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('released migrations never change', () => {
  it('each step is numbered once, in order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });

  it.each(Object.entries(RELEASED))('step %s is the text it was released with', (version, hash) => {
    const m = migrations.find((x) => x.version === Number(version));
    expect(m, `migration ${version} was released and must stay`).toBeDefined();
    expect(sha256(m!.sql), `migration ${version} ("${m!.name}") changed: a released migration never changes — undo the edit and add a new migration instead`).toBe(hash);
  });

  it('every step has a recorded hash (record a new one when it is released)', () => {
    for (const m of migrations) expect(RELEASED[m.version], `migration ${m.version}: add its sha256 to RELEASED in this file`).toBe(sha256(m.sql));
  });

  it('no step is built from constants the code shares: its text is written out in the file', () => {
    const source = readFileSync('server/db/migrations.ts', 'utf8');
    expect(source).not.toMatch(/^import (?!type)/m);
    expect(source).not.toContain('${');
  });
});
