import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import type { UpsellPrompt } from '../offers/types';
import { UICtx, newId } from './context';
import { fill, fillText } from './strings';
import { Alert, Close, Img, ProofLines, useAccept } from './parts';

/** The element that has focus, looking inside shadow roots (the shop's or ours). */
function deepActive(doc: Document): HTMLElement | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
}

/**
 * Upsell / downsell: a native modal <dialog> (focus moves in, Esc closes and counts as a
 * dismissal, focus goes back where it was). Shows what changes and what it costs, per item and
 * in total, and the merchant's benefit lines.
 */
export function UpsellDialog({ p }: { p: UpsellPrompt }) {
  const c = useContext(UICtx);
  const { t } = c;
  const ref = useRef<HTMLDialogElement>(null);
  const s = useRef({ over: false, id: newId() }).current;
  const { busy, error, run } = useAccept(p, () => {
    s.over = true;
    c.done(p);
  });
  const leave = (how: 'decline' | 'dismiss') => {
    if (s.over || busy) return;
    s.over = true;
    c.leave(p, how);
  };

  useLayoutEffect(() => {
    const d = ref.current!;
    const back = deepActive(d.ownerDocument);
    try {
      d.showModal();
    } catch {
      d.setAttribute('open', '');
    }
    return () => {
      s.over = true;
      if (d.open) d.close();
      if (back?.isConnected && deepActive(d.ownerDocument) !== back) back.focus({ preventScroll: true });
    };
  }, []);

  const k = p.kind;
  const names = { from: p.from.name, to: p.to.name };
  const money = (n: number) => c.money(n, p.currency);
  const body = t(`${k}.body`, p.text);
  return (
    // Esc (or any close we did not start) is a dismissal; "cancel" during a pending accept is held.
    <dialog
      ref={ref}
      aria-labelledby={s.id}
      onCancel={(e) => busy && e.preventDefault()}
      onClose={() => leave('dismiss')}
    >
      <Close p={p} onClick={() => leave('dismiss')} />
      <h2 id={s.id}>{fill(t(`${k}.title`, p.text), names)}</h2>
      <div class="row sw">
        <Img p={p.to} size={96} />
        <div class="f">
          <p class="n">{p.to.name}</p>
          <p class="m">
            {p.from.name} → {p.to.name}
          </p>
          <p>
            <span class="d">+{money(p.difference)}</span>
            {p.quantity > 1 && <span class="m"> {t('price.each')}</span>}
          </p>
          {p.quantity > 1 && <p class="m">{fillText(t('price.total'), { amount: `+${money(p.difference * p.quantity)}`, count: p.quantity })}</p>}
        </div>
      </div>
      {body && <p>{fill(body, names)}</p>}
      {p.benefits?.length > 0 && (
        <ul class="bl">
          {p.benefits.map((b, i) => <li key={i}>{b}</li>)}
        </ul>
      )}
      <ProofLines proof={p.proof} />
      <Alert text={error} />
      <div class="acts">
        <button type="button" class="b" data-action="decline" disabled={!!busy} onClick={() => leave('decline')}>
          {t(`${k}.decline`, p.text)}
        </button>
        <button type="button" class="p" data-action="accept" disabled={!!busy} aria-busy={busy ? 'true' : undefined} onClick={() => run()}>
          {t(`${k}.accept`, p.text)}
        </button>
      </div>
    </dialog>
  );
}
