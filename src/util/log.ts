const PREFIX = '[cart-upsell]';
const said = new Set<string>();

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
      errorOnce(`internal error in ${where}; the shop is unaffected.`, err);
      return undefined;
    }
  };
}

/** For tests: forget which messages were already said. */
export function resetLogOnce(): void {
  said.clear();
}
