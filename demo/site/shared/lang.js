// The JA/EN toggle of the demo's own pages: every text exists twice (lang="ja" / lang="en") and
// the <html data-lang> attribute shows one. The choice is remembered across pages.
const KEY = 'cart-upsell-demo:lang';
const html = document.documentElement;

export function currentLang() {
  return html.dataset.lang === 'en' ? 'en' : 'ja';
}

/** Shows the page in `lang` (the configurator: the config's own language). */
export function apply(lang) {
  html.dataset.lang = lang;
  html.lang = lang;
  for (const b of document.querySelectorAll('[data-lang-toggle]')) {
    b.textContent = lang === 'ja' ? 'English' : '日本語';
    b.setAttribute('aria-label', lang === 'ja' ? 'Show this page in English' : '日本語で表示');
  }
  document.dispatchEvent(new CustomEvent('demo:lang', { detail: lang }));
}

let saved = 'ja';
try {
  saved = localStorage.getItem(KEY) === 'en' ? 'en' : 'ja';
} catch {
  /* storage blocked: Japanese */
}
apply(saved);
document.addEventListener('click', (e) => {
  if (!(e.target instanceof Element) || !e.target.closest('[data-lang-toggle]')) return;
  const next = currentLang() === 'ja' ? 'en' : 'ja';
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* not remembered */
  }
  apply(next);
});
