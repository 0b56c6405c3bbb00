import type { CrossSellPrompt } from '../offers/types';
import { idOf, keyOf, runAccept, type Ctx } from './context';
import { fill, fillText } from './strings';
import { Alert, Close, Img, Name, ProofLines } from './parts';

/**
 * Related items as a non-modal card (corner slide-in or the merchant's slot): it never takes
 * focus. Each item has its own add button; added items stay listed, marked as added.
 */
export function CrossSellPanel({ c, p }: { c: Ctx; p: CrossSellPrompt }) {
  const { t } = c;
  const key = keyOf(p);
  const { busy, error, added = [] } = c.st(key);
  const id = idOf(p);
  const accept = t('cross-sell.accept', p.text);
  const body = t('cross-sell.body', p.text);
  const vars = { anchor: p.anchor?.name ?? '' };
  return (
    <section class="c" aria-labelledby={id}>
      <h2 id={id}>{fill(t('cross-sell.title', p.text), vars)}</h2>
      <Close c={c} p={p} onClick={() => c.leave(p, 'dismiss')} />
      {body && <p class="m">{fill(body, vars)}</p>}
      <ul class="it">
        {(p.items ?? []).map((item) => {
          const done = added.includes(item.sku);
          const label = done ? t('cross-sell.added') : accept;
          const add = async () => {
            if (done) return;
            if (await runAccept(c, key, () => c.accept(p, item), item.sku)) c.set(key, { added: [...(c.st(key).added ?? []), item.sku] });
          };
          return (
            <li key={item.sku} class="row">
              <Img p={item} size={56} />
              <div class="f">
                <Name p={item} />
                <p>{c.price(item.price, p.currency)}</p>
              </div>
              <button
                class="b"
                data-action="accept"
                aria-disabled={done || busy ? 'true' : undefined}

                aria-label={fillText(t('cross-sell.label'), { name: item.name, accept: label })}
                onClick={add}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ul>
      <ProofLines c={c} proof={p.proof} />
      <Alert text={error} />
    </section>
  );
}
