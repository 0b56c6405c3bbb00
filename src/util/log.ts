const PREFIX = '[cart-upsell]';
const said = new Set<string>();

/**
 * The merchant's language for console messages: Japanese once the config says "locale": "ja".
 * Before a config is read (it could not be fetched or parsed) the page's own `<html lang>` is the
 * best guess. A tailored build knows its shop's locale and keeps one language only.
 */
let ja = false;
export function setLang(locale: unknown): void {
  ja = typeof locale === 'string' && /^ja\b/i.test(locale);
}
/** The message in the merchant's language: `en`, or `jp` when the config's locale is "ja". */
export const t = (en: string, jp: string): string => ((__LOCALE__ ? __LOCALE__ === 'ja' : ja) ? jp : en);

/** Warns once per distinct message, so a re-rendering cart cannot flood the console. */
export function warnOnce(message: string): void {
  if (said.has('w' + message)) return;
  said.add('w' + message);
  try {
    console.warn(`${PREFIX} ${message}`);
  } catch {
    /* a console replaced by the page must not break us */
  }
}

/** Reports an error once per distinct message. */
export function errorOnce(message: string, cause?: unknown): void {
  if (said.has('e' + message)) return;
  said.add('e' + message);
  try {
    if (cause === undefined) console.error(`${PREFIX} ${message}`);
    else console.error(`${PREFIX} ${message}`, cause);
  } catch {
    /* see warnOnce */
  }
}

/**
 * Runs `fn`; any throw is reported once and swallowed. Every entry point from the host page
 * (API calls, DOM listeners, observers, timers) goes through this: the shop keeps working.
 */
export function guard<A extends unknown[], R>(where: string, fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (err) {
      errorOnce(t(`internal error in ${where}; the shop is unaffected.`, `内部エラー（${where}）。ショップには影響ありません。`), err);
      return undefined;
    }
  };
}

/** For tests: forget which messages were already said. */
export function resetLogOnce(): void {
  said.clear();
  ja = false;
}
