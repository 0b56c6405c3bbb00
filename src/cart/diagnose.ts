import type { CartConfig } from '../config/types';
import { readCart } from './read';

export interface DiagnoseReport {
  fields: { field: string; selector: string; matches: number; elements: Element[] }[];
  cart: ReturnType<typeof readCart>;
}

/** What each selector matched and what was read, printed and returned. */
export function diagnose(cfg: CartConfig = {}, doc: Document = document): DiagnoseReport {
  const s = cfg.selectors;
  const fields: DiagnoseReport['fields'] = [];
  if (s) {
    for (const [field, selector] of Object.entries(s)) {
      if (field === 'skuAttr' || !selector) continue;
      let elements: Element[] = [];
      try {
        elements = Array.from(doc.querySelectorAll(selector));
      } catch {
        /* invalid selector: zero matches */
      }
      fields.push({ field, selector, matches: elements.length, elements });
    }
  }
  const cart = readCart(cfg, doc);
  try {
    console.info('[cart-upsell] diagnose', fields.map(({ field, selector, matches }) => ({ field, selector, matches })), cart);
  } catch {
    /* console replaced by the page */
  }
  return { fields, cart };
}
