import { useContext, useRef } from 'preact/hooks';
import type { BundlePrompt } from '../offers/types';
import { UICtx, newId } from './context';
import { fill, fillText } from './strings';
import { Alert, Close, Img, Name, ProofLines, useAccept } from './parts';

/** A set cheaper than its parts: set price, the parts' sum struck through, the saving. */
export function BundleCard({ p }: { p: BundlePrompt }) {
  const c = useContext(UICtx);
  const { t } = c;
  const id = useRef(newId()).current;
  const { busy, error, run } = useAccept(p, () => c.done(p));
  const money = (n: number) => c.money(n, p.currency);
  const body = t('bundle.body', p.text);
  return (
    <section class="c" aria-labelledby={id}>
      <h2 id={id}>{t('bundle.title', p.text)}</h2>
      <Close p={p} onClick={() => c.leave(p, 'dismiss')} />
      {body && <p class="m">{body}</p>}
      <ul class="it">
        {(p.items ?? []).map((item) => (
          <li key={item.sku} class="row">
            <Img p={item} size={48} />
            <div class="f">
              <Name p={item} />
              {p.missing && !p.missing.some((m) => m.sku === item.sku) && <p class="m">{t('bundle.inCart')}</p>}
            </div>
          </li>
        ))}
      </ul>
      <p class="sw">
        <span class="m">{t('bundle.price')} </span>
        <span class="pr">{money(p.setPrice)}</span>
        {p.partsTotal > p.setPrice && (
          <s>
            <span class="sr">{t('bundle.regular')} </span>
            {money(p.partsTotal)}
          </s>
        )}
        {p.saving > 0 && <span class="sv"> {fillText(t('bundle.saving'), { amount: money(p.saving) })}</span>}
      </p>
      <ProofLines proof={p.proof} />
      <Alert text={error} />
      <div class="acts">
        <button type="button" class="p" data-action="accept" disabled={!!busy} aria-busy={busy ? 'true' : undefined} onClick={() => run()}>
          {fill(t('bundle.accept', p.text), {})}
        </button>
      </div>
    </section>
  );
}
