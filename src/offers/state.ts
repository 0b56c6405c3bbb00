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
  v: 1;
  visitorId: string;
  firstSeen: number;
  snoozed: Record<string, number>;
  impressions: Record<string, [string, number]>;
}

type StoredSession = VisitorState['session'] & { sessionId: string; returning: boolean };

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isStr).slice(-MAX_ENTRIES) : []);

function newId(random: () => number, now: number): string {
  const part = () => Math.floor(random() * 2 ** 32).toString(36).padStart(7, '0');
  return `${now.toString(36)}-${part()}${part()}`;
}

/** Keeps live snoozes and today's impression counts, newest last, at most MAX_ENTRIES each. */
function prune(snoozed: unknown, impressions: unknown, now: number): Pick<VisitorState, 'snoozed' | 'impressions'> {
  const today = dayKey(now);
  const s = Object.entries(snoozed && typeof snoozed === 'object' ? snoozed : {})
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > now)
    .sort((a, b) => a[1] - b[1])
    .slice(-MAX_ENTRIES);
  const i = Object.entries(impressions && typeof impressions === 'object' ? impressions : {})
    .filter((e): e is [string, [string, number]] => Array.isArray(e[1]) && e[1][0] === today && typeof e[1][1] === 'number' && e[1][1] > 0)
    .slice(-MAX_ENTRIES);
  return { snoozed: Object.fromEntries(s), impressions: Object.fromEntries(i) };
}

/**
 * The visitor as remembered: local storage keeps the visitor (id, snoozes, today's impressions)
 * across visits, session storage keeps this visit. Blocked storage just means a fresh visitor.
 */
export function loadState(storage: SafeStorage, session: SafeStorage, now: number, random: () => number): VisitorState {
  const raw = storage.get<Partial<Stored>>(KEY);
  const known = !!raw && typeof raw === 'object' && isStr(raw.visitorId);
  const ses = session.get<Partial<StoredSession>>(SESSION_KEY);
  const sameVisit = !!ses && typeof ses === 'object' && isStr(ses.sessionId);
  const { snoozed, impressions } = prune(known ? raw.snoozed : null, known ? raw.impressions : null, now);
  return {
    visitorId: known ? raw.visitorId! : newId(random, now),
    sessionId: sameVisit ? ses.sessionId! : newId(random, now),
    firstSeen: known && typeof raw.firstSeen === 'number' ? raw.firstSeen : now,
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
  const stored: Stored = { v: 1, visitorId: state.visitorId, firstSeen: state.firstSeen, snoozed: state.snoozed, impressions: state.impressions };
  storage.set(KEY, stored);
  const s: StoredSession = { sessionId: state.sessionId, returning: state.returning, ...state.session };
  session.set(SESSION_KEY, s);
}

const add = (list: string[], id: string) => (list.includes(id) ? list : [...list, id].slice(-MAX_ENTRIES));

/** Counts a shown prompt toward the per-day and per-session caps; a shown downsell ends this visit's offers. */
export function recordImpression(state: VisitorState, prompt: Prompt, now: number): VisitorState {
  const today = dayKey(now);
  const prev = state.impressions[prompt.offerId];
  const count = prev && prev[0] === today ? prev[1] + 1 : 1;
  const { snoozed, impressions } = prune(state.snoozed, { ...state.impressions, [prompt.offerId]: [today, count] }, now);
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
  const raw = days > 0 ? { ...state.snoozed, [prompt.offerId]: Math.max(state.snoozed[prompt.offerId] ?? 0, now + days * DAY) } : state.snoozed;
  const { snoozed, impressions } = prune(raw, state.impressions, now);
  const session = { ...state.session };
  if (outcome === 'decline' && prompt.kind === 'upsell') session.declined = add(session.declined, prompt.offerId);
  return { ...state, snoozed, impressions, session };
}
