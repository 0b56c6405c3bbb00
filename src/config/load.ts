import type { Config } from './types';

/** Loads a config given as an object or as the URL of a JSON file. Throws a merchant-readable Error. */
export async function loadConfig(source: Config | string): Promise<Config> {
  if (typeof source !== 'string') return source;
  let res: Response;
  try {
    res = await fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (err) {
    throw new Error(`could not load the config from ${source} (${String(err)})`);
  }
  if (!res.ok) throw new Error(`could not load the config from ${source}: the server answered ${res.status}`);
  const body = await res.text();
  try {
    return JSON.parse(body) as Config;
  } catch (err) {
    throw new Error(`the config at ${source} is not valid JSON (${(err as Error).message})`);
  }
}

/**
 * The config the page gives the script tag: `data-config="URL"` on the tag itself, or an inline
 * `<script type="application/json" id="cart-upsell-config">`. Null when there is none (the plain
 * tag then only defines the global).
 */
export function findPageConfig(script: HTMLScriptElement | null, doc: Document): Config | string | null {
  const url = script?.getAttribute('data-config');
  if (url) return url;
  const inline = doc.getElementById('cart-upsell-config');
  if (!inline) return null;
  try {
    return JSON.parse(inline.textContent ?? '') as Config;
  } catch (err) {
    throw new Error(`the inline config in <script id="cart-upsell-config"> is not valid JSON (${(err as Error).message})`);
  }
}
