import type { Cart, CartItem } from '../types';
import type { Config, Product } from '../config/types';
import type { ProductView } from './types';

/** config.products indexed once per decision, so 1,000 offers cost map look-ups, not scans. */
export interface Catalog {
  bySku: Map<string, Product>;
  list: Product[];
}

/** The cart's lines indexed by each key a product reference may use. */
export interface CartIndex {
  bySku: Map<string, CartItem>;
  byId: Map<string, CartItem>;
  byName: Map<string, CartItem>;
}

export function catalogOf(config: Config): Catalog {
  const list = Array.isArray(config.products) ? config.products.filter(isProduct) : [];
  const bySku = new Map<string, Product>();
  for (const p of list) if (!bySku.has(p.sku)) bySku.set(p.sku, p);
  return { bySku, list };
}

function isProduct(p: unknown): p is Product {
  const q = p as Product | null;
  return !!q && typeof q.sku === 'string' && typeof q.name === 'string' && money(q.price);
}

export const money = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

export function indexCart(cart: Cart): CartIndex {
  const idx: CartIndex = { bySku: new Map(), byId: new Map(), byName: new Map() };
  for (const line of cart.items) {
    if (!line || !(line.quantity > 0)) continue;
    if (line.sku != null && !idx.bySku.has(line.sku)) idx.bySku.set(line.sku, line);
    if (line.id != null && !idx.byId.has(String(line.id))) idx.byId.set(String(line.id), line);
    if (typeof line.name === 'string' && !idx.byName.has(line.name)) idx.byName.set(line.name, line);
  }
  return idx;
}

/** The cart line a reference names: its SKU, then its platform id, then its exact name. */
export function findLine(ref: string, idx: CartIndex): CartItem | undefined {
  return idx.bySku.get(ref) ?? idx.byId.get(ref) ?? idx.byName.get(ref);
}

/** A product the merchant marked sold out (`stock: 0`) is never offered. */
export const inStock = (p: Product): boolean => p.stock !== 0;

export function productInCart(p: Product, idx: CartIndex): boolean {
  return idx.bySku.has(p.sku) || (p.id != null && idx.byId.has(String(p.id))) || idx.byName.has(p.name);
}

/** The cart line holding a reference, also through the configured product's id or name. */
export function lineFor(ref: string, idx: CartIndex, catalog: Catalog): CartItem | undefined {
  const direct = findLine(ref, idx);
  if (direct) return direct;
  const p = catalog.bySku.get(ref);
  if (!p) return undefined;
  return idx.bySku.get(p.sku) ?? (p.id != null ? idx.byId.get(String(p.id)) : undefined) ?? idx.byName.get(p.name);
}

export function viewOf(p: Product): ProductView {
  const v: ProductView = { sku: p.sku, name: p.name, price: p.price };
  if (p.url) v.url = p.url;
  if (p.image) v.image = p.image;
  if (typeof p.stock === 'number') v.stock = p.stock;
  return v;
}

export function lineView(line: CartItem): ProductView {
  return { sku: line.sku ?? (line.id != null ? String(line.id) : line.name), name: line.name, price: line.unitPrice };
}
