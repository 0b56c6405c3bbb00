import type { Config } from './types';
import { configSchema } from './schema';
import { unitOf } from './units';
import { checkOffers } from '../offers/check';
import { checkPlatformIds } from './platform-ids';
import { say, type Ctx, type Issue } from './schema-kit';

export type { Issue };

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

/** The word for the smallest money unit, so messages read "a whole number of yen". */
function unitWord(config: unknown): string {
  const c = (config as { cart?: { currency?: unknown } } | null)?.cart?.currency;
  return unitOf(typeof c === 'string' ? c.toUpperCase() : 'JPY');
}

/** Messages in Japanese when the config says `"locale": "ja"`, else English. */
export const isJa = (config: unknown): boolean => (config as { locale?: unknown } | null)?.locale === 'ja';

/** Checks a config's shape, then its meaning. Never throws. */
export function validateConfig(config: unknown): ValidationResult {
  const ctx = checkShape(config);
  if (!ctx.errors.length) checkMeaning(config as Config, ctx);
  return { errors: ctx.errors, warnings: ctx.warnings };
}

/** The shape: types, ranges, known fields. Never throws. Its messages and language carry on into checkMeaning. */
export function checkShape(config: unknown): Ctx {
  const ctx: Ctx = { errors: [], warnings: [], unit: unitWord(config), ja: isJa(config) };
  guarded(ctx, () => configSchema(config, '', ctx));
  return ctx;
}

/**
 * The meaning of a well-formed config (product references, honoured prices, ids for "yes"),
 * added to what checkShape found. Apart from it so that the script-tag start can run the two in
 * tasks of their own (together up to 58 ms at 4× CPU). Never throws.
 */
export function checkMeaning(config: Config, ctx: Ctx): void {
  guarded(ctx, () => {
    for (const i of checkOffers(config)) (i.level === 'error' ? ctx.errors : ctx.warnings).push({ path: i.path, message: i.message });
    ctx.warnings.push(...checkPlatformIds(config, !!ctx.ja));
  });
}

function guarded(ctx: Ctx, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    ctx.errors.push({ path: 'config', message: say(ctx, `could not be checked (${String(err)})`, `確認できませんでした（${String(err)}）`) });
  }
}

/** One message for the console, naming every field: what a merchant reads to fix the config. */
export function formatIssues(issues: Issue[], headline: string): string {
  return `${headline}\n` + issues.map((i) => `  • ${i.path}: ${i.message}`).join('\n');
}
