import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
// @ts-expect-error plain ES module of the configurator, without types
import { amount, applyShopifyIds, detectPlatform, importCatalog, mergeProducts, withTax } from '../../demo/site/configurator/catalog-import.js';

const dir = 'demo/site/configurator/samples/';
const parse = (file: string, encoding = 'utf-8') => {
  const text = new TextDecoder(encoding).decode(readFileSync(dir + file)).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
};

describe('product CSV import', () => {
  it('the configurator serves the papaparse that package.json installs, byte for byte', () => {
    expect(readFileSync('demo/site/configurator/vendor/papaparse.min.js')).toEqual(readFileSync('node_modules/papaparse/papaparse.min.js'));
  });

  it('Shopify products_export.csv: tax-included prices, stock, image, product URL; image-only rows are no products; no variant id in the file', () => {
    const csv = parse('shopify-products_export.csv');
    expect(detectPlatform(csv.meta.fields!)).toBe('shopify');
    const { products, handles } = importCatalog(csv.data, { platform: 'shopify', shopUrl: 'https://komorebi.myshopify.com/' });
    expect(products).toHaveLength(11);
    expect(products[0]).toEqual({
      sku: 'TN-0123',
      name: '手ぬぐい 青海波',
      price: 1320,
      stock: 24,
      image: 'https://cdn.shopify.com/s/files/1/0700/0001/files/tenugui.svg',
      url: 'https://komorebi.myshopify.com/products/tenugui-seigaiha',
    });
    expect(products.find((p: { sku: string }) => p.sku === 'FU-01').stock).toBe(0);
    expect(handles['KY-01']).toBe('kyusu-hakuji');
  });

  it('EC-CUBE 4 商品CSV in Shift_JIS: 販売価格 is tax-excluded; product class id and product id; discontinued rows skipped', () => {
    const csv = parse('eccube-product.csv', 'shift_jis');
    expect(detectPlatform(csv.meta.fields!)).toBe('eccube');
    const { products, skipped } = importCatalog(csv.data, { platform: 'eccube', shopUrl: 'https://shop.example.jp' });
    expect(products).toHaveLength(11);
    expect(products[0]).toEqual({
      sku: 'TN-0123',
      name: '手ぬぐい 青海波',
      price: 1320,
      id: '101',
      productId: '1',
      stock: 24,
      image: 'https://shop.example.jp/html/upload/save_image/tenugui.svg',
      url: 'https://shop.example.jp/products/detail/1',
    });
    // 在庫数無制限フラグ = 1: no stock count.
    expect(products.find((p: { sku: string }) => p.sku === 'HG-01').stock).toBeUndefined();
    // 982 × 1.1 = 1,080.2 → 1,080 (四捨五入); a reduced-rate item converted at 10 % is what the merchant must check.
    expect(products.find((p: { sku: string }) => p.sku === 'CH-01').price).toBe(1080);
    expect(products.find((p: { sku: string }) => p.sku === 'CH-02').price).toBe(880);
    expect(skipped).toEqual([{ row: 13, reason: 'not public' }]);
  });

  it('WooCommerce export: product ids, regular or sale price, out of stock as 0; variable parents and drafts left out', () => {
    const csv = parse('woocommerce-products.csv');
    expect(detectPlatform(csv.meta.fields!)).toBe('woocommerce');
    const rows = [
      ...csv.data,
      { ...csv.data[0], ID: '300', Type: 'variable', SKU: 'VAR' },
      { ...csv.data[1], ID: '301', Published: '-1', SKU: 'DRAFT' },
      { ...csv.data[1], ID: '302', SKU: 'SALE', 'Sale price': '1500' },
    ];
    const { products, skipped } = importCatalog(rows, { platform: 'woocommerce' });
    expect(products.map((p: { sku: string }) => p.sku)).not.toContain('VAR');
    expect(products.map((p: { sku: string }) => p.sku)).not.toContain('DRAFT');
    expect(products.find((p: { sku: string }) => p.sku === 'SALE').price).toBe(1500);
    expect(products[0]).toMatchObject({ sku: 'TN-0123', id: '201', price: 1320, stock: 24 });
    expect(products.find((p: { sku: string }) => p.sku === 'FU-01').stock).toBe(0);
    expect(skipped.map((s: { reason: string }) => s.reason)).toEqual(['variable', 'not published']);
  });

  it('amounts and tax as shops write them', () => {
    expect([amount('1,320'), amount('1320.00'), amount('12,50'), amount('￥1,320'), amount('')]).toEqual([1320, 1320, 12.5, 1320, NaN]);
    expect([withTax(800, 0.1, 'ceil'), withTax(800, 0.08), withTax(785, 0.08, 'floor'), withTax(785, 0.08, 'ceil')]).toEqual([880, 864, 847, 848]);
  });

  it('merges by SKU: the CSV wins, products it does not list stay', () => {
    const cur = [
      { sku: 'A', name: 'old', price: 1, category: 'x' },
      { sku: 'KEEP', name: 'k', price: 2 },
    ];
    const res = mergeProducts(cur, [
      { sku: 'A', name: 'new', price: 10, id: '5' },
      { sku: 'B', name: 'b', price: 3 },
    ]);
    expect(res).toEqual({
      products: [
        { sku: 'A', name: 'new', price: 10, id: '5', category: 'x' },
        { sku: 'KEEP', name: 'k', price: 2 },
        { sku: 'B', name: 'b', price: 3 },
      ],
      updated: 1,
      added: 1,
    });
  });

  it("Shopify variant ids from the storefront: by SKU or by handle; today's price replaces a drifted one", () => {
    const products = [
      { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320 },
      { sku: 'tote-blue', name: 'トート 青', price: 3300 },
    ];
    const found = [
      { handle: 'tenugui-seigaiha', id: 44001, sku: 'TN-0123', title: 'Default Title', price: 1430 },
      { handle: 'tote', id: 44002, sku: '', title: '青', price: 3300 },
    ];
    const res = applyShopifyIds(products, { 'TN-0123': 'tenugui-seigaiha', 'tote-blue': 'tote' }, found);
    expect(res.products).toEqual([
      { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1430, id: '44001' },
      { sku: 'tote-blue', name: 'トート 青', price: 3300, id: '44002' },
    ]);
    expect(res.drift).toEqual([{ sku: 'TN-0123', csv: 1320, shop: 1430 }]);
  });
});
