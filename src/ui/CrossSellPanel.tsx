import { useContext, useRef, useState } from 'preact/hooks';
import type { CrossSellPrompt } from '../offers/types';
import { UICtx, newId } from './context';
import { fill, fillText } from './strings';
import { Alert, Close, Img, Name, ProofLines, useAccept } from './parts';

/**
 * Related items as a non-modal card (corner slide-in or the merchant's slot): it never takes
 * focus. Each item has its own add button; added items stay listed, marked as added.
 */
export function CrossSellPanel({ p }: { p: CrossSellPrompt }) {
  const c = useContext(UICtx);
  const { t } = c;
  const id = useRef(newId()).current;
  const [added, setAdded] = useState<string[]>([]);
  const { busy, error, run } = useAccept(p, (item) => item && setAdded((a) => [...a, item.sku]));
  const accept = t('cross-sell.accept', p.text);
  const body = t('cross-sell.body', p.text);
  const vars = { anchor: p.anchor?.name ?? '' };
  return (
    <section class="c" aria-labelledby={id}>
      <h2 id={id}>{fill(t('cross-sell.title', p.text), vars)}</h2>
      <Close p={p} onClick={() => c.leave(p, 'dismiss')} />
      {body && <p class="m">{fill(body, vars)}</p>}
      <ul class="it">
        {(p.items ?? []).map((item) => {
          const done = added.includes(item.sku);
          const label = done ? t('cross-sell.added') : accept;
          return (
            <li key={item.sku} class="row">
              <Img p={item} size={56} />
              <div class="f">
                <Name p={item} />
                <p>{c.money(item.price, p.currency)}</p>
              </div>
              <button
                type="button"
                class="b"
                data-action="accept"
                disabled={done || !!busy}
                aria-busy={busy === item.sku ? 'true' : undefined}
                aria-label={fillText(t('cross-sell.label'), { name: item.name, accept: label })}
                onClick={() => run(item)}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ul>
      <ProofLines proof={p.proof} />
      <Alert text={error} />
    </section>
  );
}
