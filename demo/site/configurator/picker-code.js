// The few characters the merchant runs on their own cart page (as a bookmarklet or in the
// console): they load the picker, and the widget's script first if the page does not have it.
// `lang` is the config's language ("ja" or "en"); without it the picker follows the page's.
export function pickerCode(origin, lang) {
  const l = lang ? `s.setAttribute('data-lang',${JSON.stringify(lang)});` : '';
  return `(function(){var o=${JSON.stringify(origin)},d=document,s=d.createElement('script');s.src=o+'/demo/site/configurator/picker.js';s.setAttribute('data-origin',o);${l}(d.head||d.documentElement).appendChild(s);})();`;
}
