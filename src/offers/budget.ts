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
  !b || (a.held !== b.held ? a.held : a.priority !== b.priority ? a.priority > b.priority : a.ev !== b.ev ? a.ev > b.ev : a.i < b.i);

export interface Room {
  /** Phone-sized viewport: one prompt at a time. */
  mobile: boolean;
  /** The checkout click: its one modal is the moment, cards on screen do not hold it back. */
  checkout: boolean;
  /** The shopper just changed the cart (カート投入直後): a modal that outranks the cards on screen may step in. */
  added: boolean;
}

/**
 * The attention budget. Besides the free-shipping bar (information, not an offer): on a phone one
 * prompt; on a larger screen one modal or two cards. The prompt of highest rank leads: a modal
 * takes the whole budget, a card leaves room for a second one on a desktop. What is on screen keeps
 * its place — a new moment adds, never removes — except that the shopper's own add or checkout
 * click may bring the one modal that outranks it (the cards step aside while it is open). Whatever
 * does not fit waits for a later moment instead of stacking.
 */
export function withinBudget(candidates: Candidate[], room: Room): Prompt[] {
  const sorted = candidates.slice().sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0));
  const modal = sorted.find((c) => isModal(c.p));
  const cards = sorted.filter((c) => !isModal(c.p));
  const held = cards.filter((c) => c.held);
  if (modal?.held || (modal && (room.checkout || modal.p.kind === 'downsell'))) return [modal.p];
  // Rank by worth alone: being on screen does not make a card outrank the modal.
  const worth = (c: Candidate): Candidate => ({ ...c, held: false });
  if (modal && (room.added || !held.length) && ranksAbove(worth(modal), cards[0] ? worth(cards.slice().sort((a, b) => (ranksAbove(worth(a), worth(b)) ? -1 : 1))[0]) : null)) return [modal.p];
  return cards.slice(0, Math.max(held.length, room.mobile ? 1 : 2)).map((c) => c.p);
}
