import type { Prompt, ProductView } from '../offers/types';
import type { Text } from './strings';

export type Outcome = { ok: boolean; message?: string };

/** What the shopper did to one prompt so far: a pending accept, a failure message, items added. */
export interface PromptState {
  busy?: string;
  error?: string;
  added?: string[];
}

/**
 * What every component gets as its `c` prop: strings, money, the (guarded) shopper actions and
 * per-prompt state. State lives in the UI root, not in hooks: re-rendering the whole tree is
 * cheap, and preact/hooks would cost another 1 KB gzip.
 */
export interface Ctx {
  t: Text;
  /**
   * The copy's language, set as `lang` on every prompt's outer element: our host resets all
   * inherited styles, the page's language included, and without one Chromium finds a font for
   * each Japanese character separately (tens of ms in the first layout, and Chinese glyph forms
   * for some kanji). Screen readers use it to pick the voice.
   */
  lang: 'ja' | 'en';
  money(amount: number, currency: string): string;
  /**
   * A product's price as the shopper pays it: for yen, marked 税込 (総額表示: consumer prices in
   * Japan are shown tax-included, and say so). Amounts that are not prices (a difference, the
   * remaining gap) use `money`.
   */
  price(amount: number, currency: string): string;
  accept(prompt: Prompt, item?: ProductView): Promise<Outcome>;
  addFiller: ((product: ProductView) => Promise<Outcome>) | null;
  /** Decline or dismiss: the prompt leaves the screen now, then the handler runs. */
  leave(prompt: Prompt, how: 'decline' | 'dismiss'): void;
  /** The dialog is open on screen (showModal ran): a modal is seen from then on. */
  opened?(prompt: Prompt): void;
  /** Accepted: the prompt leaves the screen. */
  done(prompt: Prompt): void;
  st(key: string): PromptState;
  set(key: string, patch: PromptState): void;
}

export const keyOf = (p: Prompt): string => `${p.kind}:${p.offerId}`;

/**
 * An id for aria-labelledby, stable for the prompt, with no space (a space would split the
 * reference). Encoded, not replaced by a regular expression: compiling one was part of each
 * card's first drawing.
 */
export const idOf = (p: Prompt): string => `cu-${encodeURIComponent(keyOf(p))}`;

/**
 * Accepts (the prompt, or one of its items), keeping the buttons disabled meanwhile; true when
 * it worked, otherwise the failure is shown in plain words.
 */
export async function runAccept(c: Ctx, key: string, fn: () => Promise<Outcome>, item = '*'): Promise<boolean> {
  if (c.st(key).busy) return false;
  c.set(key, { busy: item, error: '' });
  const r = await fn();
  c.set(key, { busy: '', error: r.ok ? '' : r.message || c.t('error') });
  return r.ok;
}
