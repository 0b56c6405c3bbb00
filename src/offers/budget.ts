import type { Prompt } from './types';

/** A built prompt with what the budget ranks it by. */
export interface Candidate {
  p: Prompt;
  priority: number;
  /** Expected value: what accepting adds × how often the offer is accepted. */
  ev: number;
  /** The merchant's order, the last tie-break. */
  i: number;
  /** On screen now: it keeps its place, whatever arrives. */
  held: boolean;
}

export const isModal = (p: Prompt): boolean => p.kind === 'upsell' || p.kind === 'downsell';

/** Held first, then explicit priority, then expected value, then the merchant's order. */
export const ranksAbove = (a: Candidate, b: Candidate | null): boolean =>
  !b ||
  (a.held !== b.held
    ? a.held
    : a.priority !== b.priority
      ? a.priority > b.priority
      : a.ev !== b.ev
        ? a.ev > b.ev
        : a.i < b.i);

export interface Room {
  /** Phone-sized viewport: one prompt at a time. */
  mobile: boolean;
  /** The checkout click: its one modal is the moment, cards on screen do not hold it back. */
  checkout: boolean;
}

/**
 * The attention budget. Besides the free-shipping bar (information, not an offer): on a phone one
 * prompt; on a larger screen one modal or two cards. What is on screen keeps its place (a new
 * moment adds, never removes); the rest is chosen by priority, then expected value. Whatever does
 * not fit waits for a later moment instead of stacking.
 */
export function withinBudget(candidates: Candidate[], room: Room): Prompt[] {
  const sorted = candidates.slice().sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0));
  const modal = sorted.find((c) => isModal(c.p));
  if (room.checkout && modal) return [modal.p];
  const held = sorted.filter((c) => c.held);
  const slots = room.mobile ? 1 : 2;
  if (held.some((c) => isModal(c.p))) return held.filter((c) => isModal(c.p)).slice(0, 1).map((c) => c.p);
  if (held.length) {
    const cards = sorted.filter((c) => !isModal(c.p));
    return cards.slice(0, Math.max(held.length, slots)).map((c) => c.p);
  }
  const cards = sorted.filter((c) => !isModal(c.p)).slice(0, slots);
  if (!modal) return cards.map((c) => c.p);
  // A modal takes the whole budget: it wins when it ranks above what the cards bring together.
  const together: Candidate = {
    p: cards[0]?.p ?? modal.p,
    held: false,
    priority: Math.max(-Infinity, ...cards.map((c) => c.priority)),
    ev: cards.reduce((s, c) => s + c.ev, 0),
    i: Math.min(Infinity, ...cards.map((c) => c.i)),
  };
  return !cards.length || ranksAbove(modal, together) ? [modal.p] : cards.map((c) => c.p);
}
