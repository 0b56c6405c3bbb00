import type { Conditions } from '../config/types';
import type { Cart } from '../types';
import type { DecideInput } from './types';
import { lineFor, type Catalog, type CartIndex } from './catalog';

export interface Ctx {
  cart: Cart;
  idx: CartIndex;
  catalog: Catalog;
  currency: string;
  subtotal: number;
  itemCount: number;
  now: number;
  input: DecideInput;
}

/**
 * An ISO date as ms, or NaN. A bare day ("2026-12-31") is read in Japan time, the shops' zone:
 * as a start, that day's 0:00; as an end (`end`), the whole day is included.
 */
export function dateMs(s: unknown, end = false): number {
  if (typeof s !== 'string' || !s) return NaN;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.parse(s);
  const t = Date.parse(`${s}T00:00:00+09:00`);
  return end ? t + 86400000 : t;
}

const patterns = new Map<string, RegExp>();

/** `*` matches any run of characters; everything else is literal; the whole path must match. */
export function pathMatches(pattern: string, path: string): boolean {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(
      '^' +
        pattern
          .split('*')
          .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*') +
        '$',
    );
    if (patterns.size > 200) patterns.clear();
    patterns.set(pattern, re);
  }
  return re.test(path);
}

const list = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : null);

/** All of the merchant's `when` conditions hold (an absent condition holds). */
export function conditionsHold(when: Conditions | undefined, c: Ctx): boolean {
  if (!when || typeof when !== 'object') return true;
  const has = (r: string) => !!lineFor(r, c.idx, c.catalog);
  const any = list(when.cartHasAny);
  if (any && any.length && !any.some(has)) return false;
  const all = list(when.cartHasAll);
  if (all && !all.every(has)) return false;
  const none = list(when.cartHasNone);
  if (none && none.some(has)) return false;
  if (typeof when.subtotalMin === 'number' && !(c.subtotal >= when.subtotalMin)) return false;
  if (typeof when.subtotalMax === 'number' && !(c.subtotal <= when.subtotalMax)) return false;
  if (typeof when.itemCountMin === 'number' && !(c.itemCount >= when.itemCountMin)) return false;
  if (typeof when.itemCountMax === 'number' && !(c.itemCount <= when.itemCountMax)) return false;
  if (typeof when.path === 'string' && !pathMatches(when.path, c.input.page?.path ?? '/')) return false;
  if (when.device === 'mobile' && !c.input.page?.mobile) return false;
  if (when.device === 'desktop' && c.input.page?.mobile) return false;
  if (when.visitor === 'new' && c.input.state?.returning) return false;
  if (when.visitor === 'returning' && !c.input.state?.returning) return false;
  if (when.startsAt != null && !(c.now >= dateMs(when.startsAt))) return false;
  if (when.endsAt != null && !(c.now < dateMs(when.endsAt, true))) return false;
  return true;
}
