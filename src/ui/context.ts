import { createContext } from 'preact';
import type { Prompt, ProductView } from '../offers/types';
import type { Text } from './strings';

export type Outcome = { ok: boolean; message?: string };

/** What every component needs: strings, money, and the (guarded) shopper actions. */
export interface Ctx {
  t: Text;
  en: boolean;
  money(amount: number, currency: string): string;
  accept(prompt: Prompt, item?: ProductView): Promise<Outcome>;
  addFiller: ((product: ProductView) => Promise<Outcome>) | null;
  /** Decline or dismiss: the prompt leaves the screen now, then the handler runs. */
  leave(prompt: Prompt, how: 'decline' | 'dismiss'): void;
  /** Accepted: the prompt leaves the screen. */
  done(prompt: Prompt): void;
}

export const UICtx = createContext<Ctx>(null as unknown as Ctx);

export const keyOf = (p: Prompt): string => `${p.kind}:${p.offerId}`;

let seq = 0;
/** A fresh id for aria-labelledby (unique within the document). */
export const newId = (): string => `cu${++seq}`;
