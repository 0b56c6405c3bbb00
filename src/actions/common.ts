import type { CartItem } from '../types';
import type { Product } from '../config/types';

export interface Outcome {
  ok: boolean;
  message?: string;
  navigated?: boolean;
}

export interface Change {
  add: { product: Pick<Product, 'sku' | 'name' | 'price' | 'url' | 'id' | 'productId'>; quantity: number }[];
  /** The cart line an upgrade replaces: removed only after the add succeeded. */
  replace?: CartItem;
}

export type Adapter = (a: { change: Change; discountCode?: string; fetch: typeof fetch; doc: Document; en: boolean }) => Promise<Outcome>;

export const failure = (en: boolean, what?: string): Outcome => ({
  ok: false,
  message: en
    ? `Sorry, ${what ?? 'the item'} could not be added to your cart. Your cart is unchanged.`
    : `申し訳ありません。${what ?? '商品'}をカートに追加できませんでした。カートの内容は変わっていません。`,
});

/** Only http(s) links on the web, or paths on this shop; never javascript: or data:. */
export function safeHref(url: string | undefined, doc: Document): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, doc.baseURI);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export const json = { 'content-type': 'application/json', accept: 'application/json' };

/** Posts and reads JSON; throws on any non-2xx so callers stop before removing anything. */
export async function post(f: typeof fetch, url: string, body: BodyInit, headers: Record<string, string> = json): Promise<unknown> {
  const res = await f(url, { method: 'POST', body, headers, credentials: 'same-origin' });
  if (!res.ok) throw new Error(String(res.status));
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
