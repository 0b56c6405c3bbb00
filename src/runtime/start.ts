import type { Config } from '../config/types';
import { loadConfig } from '../config/load';
import { checkMeaning, checkShape, formatIssues } from '../config/validate';
import { errorOnce, guard, setLang, t, warnOnce } from '../util/log';
import { runWidget, type Running } from './widget';
import { setNonce } from './nonce';
import { nextTurn } from '../util/tasks';
import type { OrderInput } from '../events/order';

interface Registry {
  running: Running | null;
  /** Bumped by every start and stop, so a start still loading its config can tell it was overtaken. */
  generation: number;
  starting: boolean;
  /** Orders reported before the widget runs: sent once it starts. */
  orders?: OrderInput[];
}

/**
 * One registry per page, on window, shared by every copy of the script (a theme that includes
 * it twice, or two versions): whatever starts first runs, the rest see it.
 */
function registry(): Registry {
  const w = window as unknown as Record<symbol, Registry | undefined>;
  const key = Symbol.for('cart-upsell');
  return (w[key] ??= { running: null, generation: 0, starting: false });
}

/** Starts the widget. Resolves true when it runs, false when it stays off (the reason is logged). */
export async function start(source: Config | string): Promise<boolean> {
  const reg = registry();
  if (reg.running || reg.starting) {
    warnOnce(
      t('already running on this page (is the script included twice?); the second start was ignored.', 'このページではすでに動いています（タグが2回入っていませんか）。2回目の開始は無視しました。'),
    );
    return !!reg.running;
  }
  const generation = ++reg.generation;
  reg.starting = true;
  try {
    // A tailored build's config is inlined and was checked when the shop built it.
    const config = __TAILORED__ ? (source as Config) : await loadConfig(source);
    if (generation !== reg.generation) return false;
    setLang(config?.locale);
    if (!__TAILORED__) {
      // Checking the config takes two tasks of its own (its shape, then its meaning), apart from
      // the one that received and parsed it.
      await nextTurn();
      if (generation !== reg.generation) return false;
      const result = checkShape(config);
      if (!result.errors.length) {
        await nextTurn();
        if (generation !== reg.generation) return false;
        checkMeaning(config, result);
      }
      const { errors, warnings } = result;
      if (warnings.length) warnOnce(formatIssues(warnings, t('The config has fields that were ignored:', '設定に注意点があります:')));
      if (errors.length) {
        const n = errors.length;
        errorOnce(formatIssues(errors, t(`The config has ${n === 1 ? 'a problem' : `${n} problems`}, so the widget stays off:`, `設定に${n}件の問題があるため、ウィジェットは動きません:`)));
        return false;
      }
    }
    // The set-up (storage, listeners, the wait for the cart) in a task of its own, not in the one
    // that evaluated the script or checked the config.
    await nextTurn();
    if (generation !== reg.generation) return false;
    setNonce(config.nonce);
    const running = (reg.running = runWidget(config, document));
    for (const o of (reg.orders ?? []).splice(0)) running.order(o);
    return true;
  } catch (err) {
    errorOnce(`${err instanceof Error ? err.message : String(err)}${t('; the widget stays off.', '。ウィジェットは動きません。')}`);
    return false;
  } finally {
    if (generation === reg.generation) reg.starting = false;
  }
}

/** Removes every trace of the widget: elements, listeners, observers, timers. */
export function stop(): void {
  const reg = registry();
  reg.generation++;
  reg.starting = false;
  try {
    reg.running?.stop();
  } catch (err) {
    errorOnce(t('could not stop cleanly.', 'きれいに止められませんでした。'), err);
  }
  reg.running = null;
}

/** Re-reads the cart and decides again, e.g. after a single-page shop navigated. */
export function refresh(): void {
  registry().running?.refresh();
}

/**
 * Reports a placed order once (call it on the order-complete page). Before the widget runs it
 * waits for `start` (the script tag's auto-start on that page); what is wrong with the input is
 * said in the console.
 */
export const trackOrder = guard('trackOrder', (order: OrderInput): void => {
  const reg = registry();
  if (reg.running) return reg.running.order(order);
  (reg.orders ??= []).push(order);
  if (!reg.starting) warnOnce(t('trackOrder: waiting for start()', 'trackOrder: start() を待っています'));
});
