import type { Config } from './types';
import { setLang, t } from '../util/log';

/** A config file that does not parse may still say it is Japanese: its messages then are. */
const saysJa = (body: string) => /"locale"\s*:\s*"ja"/.test(body);

/** Loads a config given as an object or as the URL of a JSON file. Throws a merchant-readable Error. */
export async function loadConfig(source: Config | string): Promise<Config> {
  if (typeof source !== 'string') return source;
  let res: Response;
  try {
    res = await fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch (err) {
    throw new Error(t(`could not load the config from ${source} (${String(err)})`, `設定ファイル ${source} を読み込めませんでした（${String(err)}）`));
  }
  if (!res.ok) throw new Error(t(`could not load the config from ${source}: the server answered ${res.status}`, `設定ファイル ${source} を読み込めませんでした（サーバーの応答 ${res.status}）`));
  const body = await res.text();
  try {
    return JSON.parse(body) as Config;
  } catch (err) {
    if (saysJa(body)) setLang('ja');
    throw new Error(t(`the config at ${source} is not valid JSON (${(err as Error).message})`, `設定ファイル ${source} は正しい JSON ではありません（${(err as Error).message}）`));
  }
}

/**
 * The config the page gives the script tag: `data-config="URL"` on the tag itself, or an inline
 * `<script type="application/json" id="cart-upsell-config">`. Null when there is none (the plain
 * tag then only defines the global).
 */
export function findPageConfig(script: HTMLScriptElement | null, doc: Document): Config | string | null {
  // Until the config is read, the page's language stands for the merchant's.
  setLang(doc.documentElement.lang);
  const url = script?.getAttribute('data-config');
  if (url) return url;
  const inline = doc.getElementById('cart-upsell-config');
  if (!inline) return null;
  const text = inline.textContent ?? '';
  try {
    return JSON.parse(text) as Config;
  } catch (err) {
    if (saysJa(text)) setLang('ja');
    throw new Error(
      t(
        `the inline config in <script id="cart-upsell-config"> is not valid JSON (${(err as Error).message})`,
        `<script id="cart-upsell-config"> の設定は正しい JSON ではありません（${(err as Error).message}）`,
      ),
    );
  }
}
