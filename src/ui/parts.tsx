import type { Proof, ProductView, Prompt } from '../offers/types';
import type { Ctx } from './context';
import { fillText } from './strings';
import { safeUrl } from './safe-url';

/**
 * A product image with its size set (no layout shift); only http(s); decorative beside the name.
 * Lazy: its request starts after layout, in a task of the browser's, not inside the drawing of
 * the prompt (up to 19 ms of a card's drawing at 4× CPU).
 */
export function Img({ p, size }: { p: ProductView; size: number }) {
  const src = safeUrl(p.image);
  return src ? <img src={src} width={size} height={size} alt="" decoding="async" loading="lazy" /> : null;
}

/** The product name, a link to its page when it has a safe URL. */
export function Name({ p }: { p: ProductView }) {
  const href = safeUrl(p.url);
  return <p class="n">{href ? <a href={href}>{p.name}</a> : p.name}</p>;
}

// No type="button" anywhere: form association does not cross the shadow boundary, so our
// buttons can never submit a form of the shop.
export const Close = ({ c, p, onClick }: { c: Ctx; p: Prompt; onClick: () => void }) => (
  <button class="x" data-action="dismiss" aria-label={c.t('close', p.text)} onClick={onClick}>
    <span aria-hidden="true">×</span>
  </button>
);

export const Alert = ({ text }: { text?: string }) =>
  text ? (
    <p role="alert" class="al">
      {text}
    </p>
  ) : null;

/** Remaining time as "2日3時間" / "2d 3h"; null once past. */
export function untilText(endsAt: string, now: number, c: Ctx): string | null {
  const ms = Date.parse(endsAt) - now;
  if (!(ms > 0)) return null;
  const min = Math.ceil(ms / 60000);
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  const parts: ['time.d' | 'time.h' | 'time.m', number][] = d
    ? [
        ['time.d', d],
        ['time.h', h],
      ]
    : h
      ? [
          ['time.h', h],
          ['time.m', m],
        ]
      : [['time.m', m]];
  return parts
    .filter(([, n], i) => i === 0 || n)
    .map(([id, n]) => fillText(c.t(id), { n }))
    .join(c.lang === 'en' ? ' ' : '');
}

/** "12/4 10:30": month, day and time in the shopper's clock. */
function when(iso: string): string {
  const d = new Date(iso);
  return `${d.getMonth() + 1}/${d.getDate()} ${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Countdown, stock and social proof — only from data the merchant supplied. The countdown is
 * redrawn by the UI root's timer, which runs only while a prompt with an end date is shown.
 */
export function ProofLines({ c, proof }: { c: Ctx; proof: Proof }) {
  const time = proof?.endsAt ? untilText(proof.endsAt, Date.now(), c) : null;
  const stock = proof?.stock;
  const sp = proof?.socialProof;
  const lines = [
    time && fillText(c.t('proof.ends'), { time }),
    // A count is a snapshot: it says when it was taken (the engine passes only fresh, dated ones).
    typeof stock === 'number' && stock > 0 && proof.stockAsOf && fillText(c.t('proof.stock'), { count: stock }) + fillText(c.t('proof.asOf'), { date: when(proof.stockAsOf) }),
    sp?.text && sp.source && `${sp.text}${c.lang === 'en' ? ' (' : '（'}${fillText(c.t('proof.source'), { source: sp.source })}${c.lang === 'en' ? ')' : '）'}`,
  ].filter(Boolean);
  return lines.length ? (
    <ul class="pf">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  ) : null;
}
