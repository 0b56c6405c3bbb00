import type { Config } from '../src/config/types';

export interface Issue {
  path: string;
  message: string;
}

export interface BuiltFile {
  /** `cart-upsell.js` or `cart-upsell-ui.js` */
  name: string;
  bytes: number;
  gzip: number;
  code: string;
}

export interface BuildResult {
  /** false: the config has errors and nothing was written. */
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** What the config uses (see src/tailor/defines.ts); null when not built. */
  features: object | null;
  files: BuiltFile[];
}

/** Checks `config` and writes the shop's tailored `cart-upsell.js` and `cart-upsell-ui.js` into `outDir`. */
export function buildShop(opts: { config: Config | object; outDir?: string; write?: boolean; logLevel?: 'info' | 'warn' | 'error' | 'silent' }): Promise<BuildResult>;

/** Reads and parses a config file; throws an Error naming the file and the problem. */
export function readConfigFile(path: string): unknown;
