import { useContext, useEffect, useState } from 'preact/hooks';
import type { Proof, ProductView, Prompt } from '../offers/types';
import { UICtx, type Outcome } from './context';
import { fillText } from './strings';
import { safeUrl } from './safe-url';

/** A product image with its size set (no layout shift); only http(s); decorative beside the name. */
export function Img({ p, size }: { p: ProductView; size: number }) {
  const src = safeUrl(p.image);
  return src ? <img src={src} width={size} height={size} alt="" decoding="async" /> : null;
}

/** The product name, a link to its page when it has a safe URL. */
export function Name({ p }: { p: ProductView }) {
  const href = safeUrl(p.url);
  return <p class="n">{href ? <a href={href}>{p.name}</a> : p.name}</p>;
}

export function Close({ p, onClick }: { p: Prompt; onClick: () => void }) {
  const { t } = useContext(UICtx);
  return (
    <button type="button" class="x" data-action="dismiss" aria-label={t('close', p.text)} onClick={onClick}>
      <span aria-hidden="true">×</span>
    </button>
  );
}

/** Runs an accept; tracks pending state and a plain-words failure message. */
export function useAccept(p: Prompt, onOk: (item?: ProductView) => void) {
  const c = useContext(UICtx);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const run = async (item?: ProductView, fn: () => Promise<Outcome> = () => c.accept(p, item)) => {
    if (busy) return;
    setBusy(item ? item.sku : '*');
    setError('');
    let r: Outcome | undefined;
    try {
      r = await fn();
    } catch {
      /* reported below as a failure */
    }
    setBusy(null);
    if (r?.ok) onOk(item);
    else setError(r?.message || c.t('error'));
  };
  return { busy, error, run };
}

export const Alert = ({ text }: { text: string }) => (text ? <p role="alert" class="al">{text}</p> : null);

/** Remaining time as "2日3時間" / "2d 3h"; null once past. */
export function untilText(endsAt: string, now: number, t: (id: 'time.d' | 'time.h' | 'time.m') => string, en: boolean): string | null {
  const ms = Date.parse(endsAt) - now;
  if (!(ms > 0)) return null;
  const min = Math.ceil(ms / 60000);
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  const parts = d ? [['time.d', d], ['time.h', h]] : h ? [['time.h', h], ['time.m', m]] : [['time.m', m]];
  return parts
    .filter(([, n], i) => i === 0 || n)
    .map(([id, n]) => fillText(t(id as 'time.d'), { n }))
    .join(en ? ' ' : '');
}

/** Countdown, stock and social proof — only from data the merchant supplied. */
export function ProofLines({ proof }: { proof: Proof }) {
  const { t, en } = useContext(UICtx);
  const [now, setNow] = useState(Date.now);
  const ends = proof?.endsAt;
  useEffect(() => {
    if (!ends) return;
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, [ends]);
  const time = ends ? untilText(ends, now, t, en) : null;
  const stock = proof?.stock;
  const sp = proof?.socialProof;
  const lines = [
    time && fillText(t('proof.ends'), { time }),
    typeof stock === 'number' && stock > 0 && fillText(t('proof.stock'), { count: stock }),
    sp?.text && sp.source && `${sp.text}${en ? ' (' : '（'}${fillText(t('proof.source'), { source: sp.source })}${en ? ')' : '）'}`,
  ].filter(Boolean);
  return lines.length ? <ul class="pf">{lines.map((l) => <li key={l}>{l}</li>)}</ul> : null;
}
