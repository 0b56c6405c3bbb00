import type { VolumePrompt } from '../offers/types';
import type { Ctx } from './context';
import { keyOf, runAccept } from './context';
import { fillText } from './strings';
import { Alert, Close } from './parts';

/**
 * "あと1点で10%オフ": how far the next quantity tier is, and the tier already reached. A tier
 * that needs a discount code is "applied" only once the shop's cart took the code: until then
 * the shopper gets a button that applies it.
 */
export function VolumeLine({ c, p }: { c: Ctx; p: VolumePrompt }) {
  const { t } = c;
  const key = keyOf(p);
  const { busy, error, added } = c.st(key);
  const title = t('volume.title', p.text) || p.label;
  const next = p.itemsToNext > 0 && p.nextPercentOff > 0 && fillText(t('volume.next'), { count: p.itemsToNext, percent: p.nextPercentOff });
  const pending = !!p.discountCode && !added?.length;
  const now = p.currentPercentOff > 0 && fillText(t(pending ? 'volume.reached' : 'volume.current'), { percent: p.currentPercentOff });
  if (!next && !now) return null;
  const apply = async () => {
    if (await runAccept(c, key, () => c.accept(p))) c.set(key, { added: [p.discountCode!] });
  };
  return (
    <div class="c">
      <div class="in">
        {title && <p class="n">{title}</p>}
        {next && <p>{next}</p>}
        {now && <p class="m">{now}</p>}
        <Alert text={error} />
        {now && pending && (
          <div class="acts">
            <button class="p" data-action="accept" aria-disabled={busy ? 'true' : undefined} onClick={apply}>
              {t('volume.accept', p.text)}
            </button>
          </div>
        )}
      </div>
      <Close c={c} p={p} onClick={() => c.leave(p, 'dismiss')} />
    </div>
  );
}
