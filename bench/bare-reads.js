// The baseline readCart is held to (within 3×): the bare DOM reads of the same fields, the floor
// any cart reader pays. In each line, each selector's first matching alternative, its text or
// value (the SKU attribute where one is named); then the subtotal's text. Nothing parsed.
// One definition for the unit test (happy-dom), the end-to-end test and the bench (Chromium): a
// plain script without import or export, so a page can take it whole (Playwright's
// `addScriptTag({ path })` or `addInitScript({ path })`) and Node can import it. Either way it
// sets `globalThis.bareReads(cfg, doc?)`, which returns the read to time.
globalThis.bareReads = (cfg, doc = document) => {
  const s = cfg.selectors;
  const q = (root, sel) => {
    for (const x of sel.split(' || ')) {
      const e = root.querySelector(x);
      if (e) return e;
    }
    return null;
  };
  const items = () => {
    for (const x of s.item.split(' || ')) {
      const l = doc.querySelectorAll(x);
      if (l.length) return l;
    }
    return [];
  };
  const fields = ['name', 'sku', 'price', 'quantity', 'lineTotal'].filter((f) => s[f]);
  return () => {
    const out = [];
    for (const el of items())
      out.push(
        fields.map((f) => {
          const e = q(el, s[f]);
          return e && (f === 'sku' && s.skuAttr ? e.getAttribute(s.skuAttr) : 'value' in e ? e.value : e.textContent);
        }),
      );
    return [out, s.subtotal ? q(doc, s.subtotal)?.textContent : null];
  };
};
