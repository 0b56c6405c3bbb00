import type { ThemeConfig } from '../config/types';

// On a phone the upgrade sheet takes at most 30 % of the screen: the question, the item and its
// price show first, the rest scrolls above answer buttons that stay in view.
// Few font sizes and weights (13/14/16 px, 400/700): each new combination costs a first-use
// text-shaping hit for large CJK fonts inside the layout that showModal() forces.
// The host takes the largest z-index: a theme header with the same value is earlier in the
// document, so the overlay still wins.
// Sizes are px (a theme's `html{font-size:62.5%}` must not shrink us). `all: initial !important`
// on the host wins over any page rule (inner !important beats outer), so neither the theme's
// inherited text styles nor rules aimed at the element (div:empty, transform) reach in.
const DARK = '--cu-fg:#ececec;--cu-bg:#1f1f1f;--cu-muted:#b4b4b4;--cu-line:#3c3c3c;--cu-accent:#8db4e2;--cu-on:#111;--cu-err:#ffb4ab;color-scheme:dark';

const CSS = `:host{all:initial!important;display:block!important;font:14px/1.6 var(--cu-font)!important;color:var(--cu-fg)!important;--cu-fg:#222;--cu-bg:#fff;--cu-muted:#5f5f5f;--cu-line:#e2e2e2;--cu-accent:#2f5d8a;--cu-on:#fff;--cu-err:#b3261e;--cu-r:8px;--cu-font:system-ui,"Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;color-scheme:light}
:host([data-cart-upsell]){position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483647!important}
*{box-sizing:border-box;margin:0;padding:0}
button{font:inherit;color:inherit;background:none;border:1px solid transparent;border-radius:var(--cu-r);min-height:44px;min-width:44px;padding:0 16px;cursor:pointer}
button[aria-disabled]{opacity:.6;cursor:default}
:focus-visible{outline:2px solid var(--cu-accent);outline-offset:2px}
.b{border-color:var(--cu-line);background:var(--cu-bg)}
.p{background:var(--cu-accent);border-color:var(--cu-accent);color:var(--cu-on);font-weight:700}
.x{position:absolute;top:6px;right:6px;padding:0;font-size:24px;line-height:1;color:var(--cu-muted)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
h2{font-size:16px;line-height:1.4}
h2,.in{padding-right:40px}
.m{color:var(--cu-muted);font-size:13px}
img{display:block;flex:none;object-fit:cover;border-radius:4px;background:var(--cu-line)}
ul{list-style:none}
.n{font-weight:700;overflow-wrap:anywhere}
a{color:inherit;text-underline-offset:2px}
.row{display:flex;gap:12px;align-items:center}
.f{flex:1;min-width:0}
.acts{display:flex;gap:8px;margin-top:16px}
.acts button{flex:1}
.al{margin-top:12px;padding:8px 12px;border:1px solid;border-radius:var(--cu-r);color:var(--cu-err)}
dialog{margin:auto;width:440px;max-width:calc(100% - 32px);max-height:calc(100% - 32px);overflow:auto;padding:24px;border:0;border-radius:var(--cu-r);background:var(--cu-bg);color:var(--cu-fg);box-shadow:0 10px 40px #0004}
dialog::backdrop{background:#0006}
.sw{margin:16px 0}
.w{display:block!important;visibility:hidden;position:fixed;top:0;left:0;pointer-events:none}
.d{font-size:16px;font-weight:700;color:var(--cu-accent)}
.bl{margin-top:12px;display:grid;gap:4px}
.bl li::before{content:"✓ "/"";color:var(--cu-accent)}
.dock{position:fixed;left:0;right:0;bottom:0;display:flex;flex-direction:column;align-items:flex-end;pointer-events:none}
.top{top:0;bottom:auto}
.dock>*{pointer-events:auto}
.c{position:relative;width:360px;max-width:calc(100% - 32px);margin:0 16px 16px;padding:16px;border:1px solid var(--cu-line);border-radius:var(--cu-r);background:var(--cu-bg);color:var(--cu-fg);box-shadow:0 4px 20px #0002}
.it{display:grid;gap:12px;margin-top:12px}
.pr{font-size:16px;font-weight:700}
s{color:var(--cu-muted);font-size:14px;font-weight:400;margin-left:8px}
.sv{color:var(--cu-accent);font-weight:700}
.pf{margin-top:8px;font-size:13px;color:var(--cu-muted)}
.bar{width:100%;padding:8px 16px calc(8px + env(safe-area-inset-bottom));border-top:1px solid var(--cu-line);background:var(--cu-bg);color:var(--cu-fg);text-align:center}
.top .bar{padding:calc(8px + env(safe-area-inset-top)) 16px 8px;border:0;border-bottom:1px solid var(--cu-line)}
.bar strong{color:var(--cu-accent)}
.tr{position:relative;max-width:480px;height:6px;margin:4px auto 2px;border-radius:3px;background:var(--cu-line)}
.fl{height:100%;border-radius:3px;background:var(--cu-accent)}
.tk{position:absolute;top:-3px;width:2px;height:12px;margin-left:-1px;background:var(--cu-muted)}
.ch{display:flex;gap:8px;overflow-x:auto;margin-top:6px}
.ch>:first-child{margin-left:auto}.ch>:last-child{margin-right:auto}
.ch>*{flex:none;display:flex;align-items:center;min-height:44px;border:1px solid var(--cu-line);border-radius:22px;font-size:13px;padding:0 14px;text-decoration:none}
:host([data-slot]) .c,:host([data-slot]) .bar{width:auto;max-width:none;margin:0;box-shadow:none;border:1px solid var(--cu-line);border-radius:var(--cu-r);padding:12px 16px}
.up{top:0;bottom:auto}
.tuck{visibility:hidden}
@media (min-width:640px){.dock .c{max-height:calc(50vh - 70px);overflow:auto}}
@media (min-width:640px) and (max-width:1199px){.dock .c{max-height:25vh}}
@media (max-width:639px){.dock .c{max-height:28vh;overflow:auto}dialog{width:100%;max-width:none;max-height:30%;margin:auto 0 0;border-radius:var(--cu-r) var(--cu-r) 0 0;padding:16px 16px 0}.sw{margin:8px 0}dialog .acts{position:sticky;bottom:0;margin:8px -16px 0;padding:8px 16px calc(16px + env(safe-area-inset-bottom));background:var(--cu-bg)}.dock .c{width:100%;max-width:none;margin:0;border-width:1px 0 0;border-radius:var(--cu-r) var(--cu-r) 0 0}}
@media (prefers-reduced-motion:no-preference){dialog[open],.c{animation:cu .2s ease-out}.fl{transition:width .3s}}
@keyframes cu{from{opacity:0;transform:translateY(12px)}}`;

/** The widget's one stylesheet (constructable: no inline <style>, so a strict CSP is fine). */
export function createSheet(doc: Document, theme: ThemeConfig = {}): CSSStyleSheet {
  const Sheet = (doc.defaultView ?? window).CSSStyleSheet;
  const sheet = new Sheet();
  const scheme = theme.colorScheme;
  sheet.replaceSync(CSS + (scheme === 'dark' ? `:host{${DARK}}` : scheme === 'auto' ? `@media (prefers-color-scheme:dark){:host{${DARK}}}` : ''));
  // Merchant values go through CSSOM setProperty: one value each, never parsed as CSS text.
  const rule = sheet.cssRules[sheet.insertRule(':host{}', sheet.cssRules.length)] as CSSStyleRule;
  const vars: [string, unknown][] = [
    ['fg', theme.text],
    ['bg', theme.background],
    ['accent', theme.accent],
    ['font', theme.font],
    ['r', typeof theme.radius === 'number' ? `${theme.radius}px` : theme.radius],
  ];
  for (const [k, v] of vars) if (typeof v === 'string' && v) rule.style.setProperty(`--cu-${k}`, v);
  return sheet;
}
