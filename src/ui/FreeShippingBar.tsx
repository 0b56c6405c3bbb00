import type { FreeShippingView, ProductView } from '../offers/types';
import { runAccept, type Ctx } from './context';
import { fill, fillText } from './strings';
import { safeUrl } from './safe-url';
import { Alert } from './parts';

/**
 * "あと￥2,888で送料無料": the exact remaining amount (role="status", so a screen reader hears
 * it change), progress with a marker per tier, and items that would close the gap.
 */
export function FreeShippingBar({ c, v }: { c: Ctx; v: FreeShippingView }) {
  const { t } = c;
  const { busy, error } = c.st('bar');
  const amount = (n: number) => <strong>{c.money(n, v.currency)}</strong>;
  const tiers = Array.isArray(v.tiers) ? v.tiers : [];
  const next = tiers.find((x) => !x.reached && x.amount > v.threshold);
  const won = [...tiers].reverse().find((x) => x.reached && x.amount > v.threshold);
  const goal = Math.max(v.threshold, ...tiers.map((x) => x.amount)) || 1;
  const marks = [v.threshold, ...tiers.map((x) => x.amount)].filter((a) => a > 0 && a < goal);
  const add = (p: ProductView) => c.addFiller && runAccept(c, 'bar', () => c.addFiller!(p), p.sku);
  const fillers = v.reached ? [] : (v.gapFillers ?? []).slice(0, 3);

  return (
    <div class="bar">
      <div role="status">
        <p>
          {v.reached ? t('fs.reached') : fill(t('fs.remaining'), { amount: amount(v.remaining) })}
          {v.reached && next && <> · {fill(t('fs.tier'), { amount: amount(next.remaining), label: next.label })}</>}
          {v.reached && !next && won && <> · {fillText(t('fs.tierReached'), { label: won.label })}</>}
        </p>
        <div class="tr" aria-hidden="true">
          <div class="fl" style={{ width: `${Math.round(Math.min(1, Math.max(0, v.progress || 0)) * 100)}%` }} />
          {marks.map((a) => (
            <span key={a} class="tk" style={{ left: `${(a / goal) * 100}%` }} />
          ))}
        </div>
      </div>
      {fillers.length > 0 && (
        <div class="ch" role="group" aria-label={t('fs.fillers')}>
          {fillers.map((p) => {
            const price = ` ${c.price(p.price, v.currency)}`;
            const href = safeUrl(p.url);
            if (c.addFiller)
              return (
                <button key={p.sku} aria-disabled={busy ? 'true' : undefined} onClick={() => add(p)}>
                  {fillText(t('fs.add'), { name: p.name }) + price}
                </button>
              );
            return href ? (
              <a key={p.sku} href={href}>
                {p.name + price}
              </a>
            ) : null;
          })}
        </div>
      )}
      <Alert text={error} />
    </div>
  );
}
