import type { Caps } from '../config/types';
import type { SafeStorage } from '../util/storage';
import type { Prompt, VisitorState } from './types';
import { capsOf, dayKey } from './decide';

const KEY = 'state';
const SESSION_KEY = 'session';
/** Bound on remembered offers, so a long-lived visitor's storage stays a few KB. */
export const MAX_ENTRIES = 100;
const DAY = 86400000;

interface Stored {
  v: 1 | 2;
  visitorId: string;
  firstSeen: number;
  snoozed: Record<string, number>;
  impressions: Record<string, [string, number]>;
}

type StoredSession = VisitorState['session'] & { sessionId: string; returning: boolean };

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isStr).slice(-MAX_ENTRIES) : []);

/** Random only: an id that began with the first-visit time would date the visitor to anyone reading events. */
function newId(random: () => number): string {
  const part = () =>
    Math.floor(random() * 2 ** 32)
      .toString(36)
      .padStart(7, '0');
  return `${part()}${part()}-${part()}${part()}`;
}

/** The visitor is forgotten this many months after the first visit unless the config says fewer. */
export const VISITOR_MONTHS = 13;

/** When a visitor first seen at `firstSeen` is forgotten (calendar months, as consent rules count them). */
export function expiresAt(firstSeen: number, months = VISITOR_MONTHS): number {
  const d = new Date(firstSeen);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/**
 * Maps keyed by offer id have no prototype: an offer named "constructor", "toString" or
 * "__proto__" is an entry like any other, never something inherited.
 */
const dict = <V>(entries: Iterable<[string, V]>): Record<string, V> => Object.assign(Object.create(null), Object.fromEntries(entries));

const own = (o: unknown): [string, unknown][] => (o && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o) : []);

const entry = <V>(o: Record<string, V>, k: string): V | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Keeps live snoozes and today's impression counts, newest last, at most MAX_ENTRIES each. */
function prune(snoozed: unknown, impressions: unknown, now: number): Pick<VisitorState, 'snoozed' | 'impressions'> {
  const today = dayKey(now);
  const s = own(snoozed)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > now)
    .sort((a, b) => a[1] - b[1])
    .slice(-MAX_ENTRIES);
  const i = own(impressions)
    .filter((e): e is [string, [string, number]] => Array.isArray(e[1]) && e[1][0] === today && typeof e[1][1] === 'number' && e[1][1] > 0)
    .slice(-MAX_ENTRIES);
  return { snoozed: dict(s), impressions: dict(i) };
}

/**
 * The visitor as remembered: local storage keeps the visitor (id, snoozes, today's impressions)
 * across visits, session storage keeps this visit. Blocked storage just means a fresh visitor.
 */
export function loadState(storage: SafeStorage, session: SafeStorage, now: number, random: () => number, months = VISITOR_MONTHS): VisitorState {
  const raw = storage.get<Partial<Stored>>(KEY);
  const known = !!raw && typeof raw === 'object' && isStr(raw.visitorId) && typeof raw.firstSeen === 'number' && now < expiresAt(raw.firstSeen, months);
  // An id from an older version began with the first-visit time (8 base-36 digits): it is
  // replaced, the rest kept.
  const keepId = known && !/^[0-9a-z]{8}-[0-9a-z]{14}$/.test(raw.visitorId!);
  if (raw != null && !known) storage.remove(KEY);
  const ses = session.get<Partial<StoredSession>>(SESSION_KEY);
  const sameVisit = !!ses && typeof ses === 'object' && isStr(ses.sessionId);
  const { snoozed, impressions } = prune(known ? raw.snoozed : null, known ? raw.impressions : null, now);
  return {
    visitorId: keepId ? raw.visitorId! : newId(random),
    sessionId: sameVisit ? ses.sessionId! : newId(random),
    firstSeen: known ? raw.firstSeen! : now,
    // A visitor stored before this visit began is a returning one.
    returning: sameVisit ? ses.returning === true : known,
    snoozed,
    impressions,
    session: {
      modalsShown: sameVisit && typeof ses.modalsShown === 'number' && ses.modalsShown >= 0 ? ses.modalsShown : 0,
      declined: sameVisit ? strList(ses.declined) : [],
      downsellShown: sameVisit ? strList(ses.downsellShown) : [],
      done: sameVisit ? ses.done === true : false,
    },
  };
}

export function saveState(storage: SafeStorage, session: SafeStorage, state: VisitorState): void {
  const stored: Stored = { v: 2, visitorId: state.visitorId, firstSeen: state.firstSeen, snoozed: state.snoozed, impressions: state.impressions };
  storage.set(KEY, stored);
  const s: StoredSession = { sessionId: state.sessionId, returning: state.returning, ...state.session };
  session.set(SESSION_KEY, s);
}

const add = (list: string[], id: string) => (list.includes(id) ? list : [...list, id].slice(-MAX_ENTRIES));

/** Counts a shown prompt toward the per-day and per-session caps; a shown downsell ends this visit's offers. */
export function recordImpression(state: VisitorState, prompt: Prompt, now: number): VisitorState {
  const today = dayKey(now);
  const prev = entry(state.impressions, prompt.offerId);
  const count = prev && prev[0] === today ? prev[1] + 1 : 1;
  const { snoozed, impressions } = prune(state.snoozed, dict([...own(state.impressions), [prompt.offerId, [today, count]]]), now);
  const session = { ...state.session };
  if (prompt.kind === 'upsell' || prompt.kind === 'downsell') session.modalsShown += 1;
  if (prompt.kind === 'downsell') {
    session.downsellShown = add(session.downsellShown, prompt.offerId);
    session.done = true;
  }
  return { ...state, snoozed, impressions, session };
}

/**
 * The shopper's answer. Decline or dismiss hides the offer for `snoozeDays` (kept across visits);
 * declining an upsell arms its downsell for this visit (decide() shows it if the offer names one).
 */
export function recordOutcome(state: VisitorState, prompt: Prompt, outcome: 'accept' | 'decline' | 'dismiss', now: number, caps?: Caps): VisitorState {
  if (outcome === 'accept') return { ...state, session: { ...state.session } };
  const days = capsOf(caps).snoozeDays;
  const raw = days > 0 ? dict([...own(state.snoozed), [prompt.offerId, Math.max(entry(state.snoozed, prompt.offerId) ?? 0, now + days * DAY)]]) : state.snoozed;
  const { snoozed, impressions } = prune(raw, state.impressions, now);
  const session = { ...state.session };
  if (outcome === 'decline' && prompt.kind === 'upsell') session.declined = add(session.declined, prompt.offerId);
  return { ...state, snoozed, impressions, session };
}
