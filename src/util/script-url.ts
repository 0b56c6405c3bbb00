// Pages with `require-trusted-types-for 'script'` refuse a plain string as a script's URL. The
// URLs the widget assigns go through one policy named "cart-upsell" (a page that lists allowed
// policies adds it to `trusted-types`) that lets through nothing but the widget's own companion
// files: the prompt file and a platform's cart actions. Kept on window: the core and the prompt
// file both need it, and a second copy of the script must not create it twice.
const POLICY = Symbol.for('cart-upsell:trusted-types');
type Policy = { createScriptURL(u: string): string };
const COMPANION = /\/cart-upsell-(ui|actions-[a-z]+)\.js$/;

export function trustedUrl(url: string): string {
  const w = window as unknown as Record<symbol, Policy> & { trustedTypes?: { createPolicy(n: string, r: Policy): Policy } };
  if (!w.trustedTypes) return url;
  w[POLICY] ??= w.trustedTypes.createPolicy('cart-upsell', {
    createScriptURL: (u) => {
      if (!COMPANION.test(u)) throw new TypeError(u);
      return u;
    },
  });
  return w[POLICY].createScriptURL(url);
}
