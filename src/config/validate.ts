import type { Config } from './types';
import { configSchema } from './schema';
import { unitOf } from './units';
import type { Ctx, Issue } from './schema-kit';

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

type SemanticCheck = (config: Config) => { path: string; message: string; level: 'error' | 'warning' }[];
let semantic: SemanticCheck | null = null;

/** The offer engine registers its cross-field checks (product references, honoured prices). */
export function registerSemanticCheck(check: SemanticCheck): void {
  semantic = check;
}

/** Checks a config's shape, then its meaning. Never throws. */
export function validateConfig(config: unknown): ValidationResult {
  const ctx: Ctx = { errors: [], warnings: [], unit: unitWord(config) };
  try {
    configSchema(config, '', ctx);
    if (!ctx.errors.length && semantic) {
      for (const i of semantic(config as Config)) (i.level === 'error' ? ctx.errors : ctx.warnings).push({ path: i.path, message: i.message });
    }
  } catch (err) {
    ctx.errors.push({ path: 'config', message: `could not be checked (${String(err)})` });
  }
  return { errors: ctx.errors, warnings: ctx.warnings };
}

/** One message for the console, naming every field: what a merchant reads to fix the config. */
export function formatIssues(issues: Issue[], headline: string): string {
  return `${headline}\n` + issues.map((i) => `  • ${i.path}: ${i.message}`).join('\n');
}
