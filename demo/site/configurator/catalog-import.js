// Catalogue import: the product CSV each platform exports, turned into the config's `products`
// (sku, name, tax-included price, platform ids, image, stock, url). Pure functions over rows that
// papaparse produced with `header: true`, so they are tested without a browser.
//
// Column headers, as the platforms write them:
// - Shopify products_export.csv (help.shopify.com/manual/products/import-export/using-csv):
//   Handle, Title, Option1 Value…, Variant SKU, Variant Inventory Qty, Variant Price, Image Src,
//   Variant Image; newer exports name some of them URL handle, SKU, Inventory quantity, Price.
//   No variant id: Shopify's storefront publishes it at /products/{handle}.js (see shopifyIdSnippet).
// - EC-CUBE 4 商品CSV (src/Eccube/Resource/doctrine/import_csv/dtb_csv.csv, csv_type 1):
//   商品ID, 公開ステータス(ID), 商品名, 商品規格ID, 規格分類1(名称), 規格分類2(名称), 商品コード,
//   在庫数, 在庫数無制限フラグ, 通常価格, 販売価格 (tax-excluded), 商品画像 (file names, comma-separated,
//   under /html/upload/save_image/). Written in Shift_JIS by default (eccube_csv_export_encoding).
// - WooCommerce (plugins/woocommerce/includes/export/class-wc-product-csv-exporter.php):
//   ID, Type, SKU, Name, Published, In stock?, Stock, Sale price, Regular price, Images, Parent.

/** The first of several header spellings present in a row. */
const col = (row, ...names) => {
  for (const n of names) if (row[n] != null && String(row[n]).trim() !== '') return String(row[n]).trim();
  return '';
};

/** "1,320" / "1320.00" / "1.320,00" → 1320 (a whole amount in the shop's currency), or NaN. */
export function amount(text) {
  let s = String(text ?? '').replace(/[\s￥¥円]/g, '');
  // WooCommerce writes prices with the shop's decimal separator and no thousands separator.
  if (/^-?\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  s = s.replace(/,/g, '');
  return s === '' ? NaN : Number(s);
}

/** Tax-excluded → tax-included, rounded as the shop rounds (EC-CUBE's default: 四捨五入). */
export function withTax(price, rate, rounding = 'round') {
  // 800 × 1.1 is 880.0000000000001 in floating point: settle it first, then round as the shop does.
  return Math[rounding](Math.round(price * (1 + rate) * 1e6) / 1e6);
}

/** Which platform wrote this file, from its headers. */
export function detectPlatform(headers) {
  const h = new Set(headers.map((x) => String(x).trim()));
  if (h.has('商品規格ID') && h.has('販売価格')) return 'eccube';
  if (h.has('Handle') || h.has('URL handle')) return 'shopify';
  if (h.has('Regular price') && h.has('Type') && h.has('ID')) return 'woocommerce';
  return null;
}

const join = (base, path) => (base ? base.replace(/\/+$/, '') + path : path);
const whole = (n) => (Number.isFinite(n) ? Math.round(n) : NaN);

/**
 * @param {Record<string,string>[]} rows
 * @param {{ platform: 'shopify'|'eccube'|'woocommerce', shopUrl?: string, taxIncluded?: boolean, taxRate?: number, rounding?: 'round'|'floor'|'ceil' }} opts
 * @returns {{ products: object[], skipped: { row: number, reason: string }[], handles: Record<string,string> }}
 */
export function importCatalog(rows, opts) {
  const { platform, shopUrl = '', taxRate = 0.1, rounding = 'round' } = opts;
  const taxIncluded = opts.taxIncluded ?? platform !== 'eccube';
  const price = (n) => whole(taxIncluded ? n : withTax(n, taxRate, rounding));
  const products = [];
  const skipped = [];
  const handles = {};
  const add = (p, i) => {
    if (!p.name) return skipped.push({ row: i + 2, reason: 'no name' });
    if (!Number.isFinite(p.price) || p.price < 0) return skipped.push({ row: i + 2, reason: 'no price' });
    for (const k of Object.keys(p)) if (p[k] === undefined || p[k] === '' || Number.isNaN(p[k])) delete p[k];
    products.push(p);
  };

  if (platform === 'shopify') {
    let title = '';
    let handle = '';
    let image = '';
    rows.forEach((r, i) => {
      const h = col(r, 'Handle', 'URL handle');
      if (h !== handle) {
        handle = h;
        title = '';
        image = '';
      }
      title = col(r, 'Title') || title;
      image = image || col(r, 'Image Src', 'Product image URL');
      const p = col(r, 'Variant Price', 'Price');
      // Rows with only an extra image carry no variant.
      if (!p) return;
      const options = [col(r, 'Option1 Value', 'Option1 value'), col(r, 'Option2 Value', 'Option2 value'), col(r, 'Option3 Value', 'Option3 value')].filter((o) => o && o !== 'Default Title');
      const sku = col(r, 'Variant SKU', 'SKU') || [handle, ...options].join('-');
      const qty = col(r, 'Variant Inventory Qty', 'Inventory quantity');
      handles[sku] = handle;
      add(
        {
          sku,
          name: [title, ...options].join(' ').trim(),
          price: price(amount(p)),
          image: col(r, 'Variant Image', 'Variant image URL') || image || undefined,
          stock: qty === '' ? undefined : Math.max(0, whole(amount(qty))),
          url: shopUrl ? join(shopUrl, `/products/${handle}`) : undefined,
        },
        i,
      );
    });
  } else if (platform === 'eccube') {
    rows.forEach((r, i) => {
      // 1 公開, 2 非公開, 3 廃止 (mtb_product_status): only what shoppers can buy.
      if (col(r, '公開ステータス(ID)') && col(r, '公開ステータス(ID)') !== '1') return skipped.push({ row: i + 2, reason: 'not public' });
      const cls = [col(r, '規格分類1(名称)'), col(r, '規格分類2(名称)')].filter(Boolean);
      const pcId = col(r, '商品規格ID');
      const file = col(r, '商品画像').split(',')[0]?.trim();
      const unlimited = col(r, '在庫数無制限フラグ') === '1';
      add(
        {
          sku: col(r, '商品コード') || `pc-${pcId}`,
          name: col(r, '商品名') + (cls.length ? `（${cls.join('・')}）` : ''),
          price: price(amount(col(r, '販売価格'))),
          id: pcId,
          productId: col(r, '商品ID'),
          image: file ? join(shopUrl, `/html/upload/save_image/${file}`) : undefined,
          stock: unlimited || col(r, '在庫数') === '' ? undefined : Math.max(0, whole(amount(col(r, '在庫数')))),
          url: col(r, '商品ID') ? join(shopUrl, `/products/detail/${col(r, '商品ID')}`) : undefined,
        },
        i,
      );
    });
  } else if (platform === 'woocommerce') {
    rows.forEach((r, i) => {
      const type = col(r, 'Type');
      // A variable product is added through one of its variations; grouped and external ones are not in the cart.
      if (/variable|grouped|external/.test(type) && !/variation/.test(type)) return skipped.push({ row: i + 2, reason: type });
      if (col(r, 'Published') && col(r, 'Published') !== '1') return skipped.push({ row: i + 2, reason: 'not published' });
      const id = col(r, 'ID');
      const inStock = col(r, 'In stock?');
      const stock = col(r, 'Stock');
      add(
        {
          sku: col(r, 'SKU') || `id-${id}`,
          name: col(r, 'Name'),
          price: price(amount(col(r, 'Sale price') || col(r, 'Regular price'))),
          id,
          image: col(r, 'Images').split(',')[0]?.trim() || undefined,
          stock: inStock === '0' ? 0 : stock === '' ? undefined : Math.max(0, whole(amount(stock))),
        },
        i,
      );
    });
  }
  return { products, skipped, handles };
}

/**
 * Products merged into the config's list by SKU: what the CSV says wins (name, price, ids, image,
 * stock, url); products the CSV does not list stay as they were (offers may name them).
 */
export function mergeProducts(current, imported) {
  const out = Array.isArray(current) ? current.map((p) => ({ ...p })) : [];
  let updated = 0;
  let added = 0;
  for (const p of imported) {
    const i = out.findIndex((x) => x?.sku === p.sku);
    if (i >= 0) {
      out[i] = { ...out[i], ...p };
      updated++;
    } else {
      out.push(p);
      added++;
    }
  }
  return { products: out, updated, added };
}

/**
 * Shopify's product CSV has no variant id; the storefront publishes it at /products/{handle}.js
 * (prices in cents of the currency, also for yen). This snippet, run in the browser console on the
 * shop, collects them and copies one line of JSON for the configurator.
 */
export function shopifyIdSnippet(handles, lang = 'ja') {
  const list = JSON.stringify([...new Set(handles)]);
  const en = lang === 'en';
  const missing = en ? 'not found: ' : '見つかりません: ';
  const copied = en ? ["'Copied (' + out.length + ' variants). Paste it into the configurator.'"] : ["'コピーしました（' + out.length + '件）。設定ツールに貼り付けてください。'"];
  return `(async () => { const out = []; for (const h of ${list}) { const r = await fetch((window.Shopify?.routes?.root || '/') + 'products/' + h + '.js'); if (!r.ok) { console.warn('${missing}' + h); continue; } const p = await r.json(); for (const v of p.variants) out.push({ handle: h, id: v.id, sku: v.sku, title: v.title, price: v.price / 100 }); } const text = JSON.stringify(out); try { await navigator.clipboard.writeText(text); console.log(${copied[0]}); } catch { console.log(text); } })();`;
}

/** Variant ids (and today's prices) from the snippet's output, matched by SKU, else by handle + option title. */
export function applyShopifyIds(products, handles, found) {
  let matched = 0;
  const drift = [];
  const out = products.map((p) => {
    const v = found.find((f) => f.sku && f.sku === p.sku) ?? found.find((f) => handles[p.sku] === f.handle && (f.title === 'Default Title' || p.name.endsWith(f.title)));
    if (!v) return p;
    matched++;
    const price = Math.round(Number(v.price));
    if (Number.isFinite(price) && price !== p.price) drift.push({ sku: p.sku, csv: p.price, shop: price });
    return { ...p, id: String(v.id), price: Number.isFinite(price) ? price : p.price };
  });
  return { products: out, matched, drift };
}
