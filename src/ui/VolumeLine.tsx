import type { VolumePrompt } from '../offers/types';
import type { Ctx } from './context';
import { fillText } from './strings';
import { Close } from './parts';

/** "あと1点で10%オフ": how far the next quantity tier is, and the tier already reached. */
export function VolumeLine({ c, p }: { c: Ctx; p: VolumePrompt }) {
  const { t } = c;
  const title = t('volume.title', p.text) || p.label;
  const next = p.itemsToNext > 0 && p.nextPercentOff > 0 && fillText(t('volume.next'), { count: p.itemsToNext, percent: p.nextPercentOff });
  const now = p.currentPercentOff > 0 && fillText(t('volume.current'), { percent: p.currentPercentOff });
  if (!next && !now) return null;
  return (
    <div class="c">
      <div class="in">
        {title && <p class="n">{title}</p>}
        {next && <p>{next}</p>}
        {now && <p class="m">{now}</p>}
      </div>
      <Close c={c} p={p} onClick={() => c.leave(p, 'dismiss')} />
    </div>
  );
}
