import type { BundlePrompt } from '../offers/types';
import { idOf, keyOf, runAccept, type Ctx } from './context';
import { fillText } from './strings';
import { Alert, Close, Img, Name, ProofLines } from './parts';

/** A set cheaper than its parts: set price, the parts' sum struck through, the saving. */
export function BundleCard({ c, p }: { c: Ctx; p: BundlePrompt }) {
  const { t } = c;
  const key = keyOf(p);
  const { busy, error } = c.st(key);
  const id = idOf(p);
  const money = (n: number) => c.money(n, p.currency);
  const body = t('bundle.body', p.text);
  const accept = async () => {
    if (await runAccept(c, key, () => c.accept(p))) c.done(p);
  };
  return (
    <section class="c" aria-labelledby={id}>
      <h2 id={id}>{t('bundle.title', p.text)}</h2>
      <Close c={c} p={p} onClick={() => c.leave(p, 'dismiss')} />
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
        <span class="pr">{c.price(p.setPrice, p.currency)}</span>
        {p.partsTotal > p.setPrice && (
          <s>
            <span class="sr">{t('bundle.regular')} </span>
            {money(p.partsTotal)}
          </s>
        )}
        {p.saving > 0 && <span class="sv"> {fillText(t('bundle.saving'), { amount: money(p.saving) })}</span>}
      </p>
      <ProofLines c={c} proof={p.proof} />
      <Alert text={error} />
      <div class="acts">
        <button class="p" data-action="accept" aria-disabled={busy ? 'true' : undefined} onClick={accept}>
          {t('bundle.accept', p.text)}
        </button>
      </div>
    </section>
  );
}
