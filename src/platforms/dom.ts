// Small DOM readers the platform files share. Never throw on a page's odd markup.

export const attr = (el: Element, sel: string, name: string): string | null => el.querySelector(sel)?.getAttribute(name) || null;

export const fromHref = (el: Element, sel: string, re: RegExp): string | null => {
  const m = (el.querySelector(sel)?.getAttribute('href') ?? '').match(re);
  return m ? m[1] : null;
};

/** A global the platform's own scripts define, or undefined (no window in a parsed document). */
export const global = (doc: Document, name: string): unknown => (doc.defaultView as unknown as Record<string, unknown> | null)?.[name];

export const has = (doc: Document, sel: string): boolean => doc.querySelector(sel) !== null;

/** The page's path, '' for a parsed document without a location. */
export const path = (doc: Document): string => {
  try {
    return doc.location?.pathname ?? '';
  } catch {
    return '';
  }
};

/** An ISO 4217 code, upper-cased, or null. */
export const code = (v: unknown): string | null => (typeof v === 'string' && /^[A-Z]{3}$/i.test(v) ? v.toUpperCase() : null);
