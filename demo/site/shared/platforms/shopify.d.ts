import type { Fake, Faults, LogEntry } from './http.js';
export interface ShopifyFake extends Fake {
  root: string;
  log: LogEntry[];
  fault: Faults;
  cart(): any;
  summary(): string[];
  setPrice(id: number, price: number): void;
  seed(items: { id: number; quantity: number; properties?: Record<string, string>; selling_plan?: number }[], codes?: string[]): void;
}
export function createShopify(shop: {
  products: { id: number; product_id?: number; handle?: string; sku?: string; title: string; price: number; stock?: number }[];
  discounts?: Record<string, { type: 'set'; variants: number[]; price: number } | { type: 'percent'; percent: number; minQuantity?: number; variants?: number[] }>;
  root?: string;
  currency?: string;
}): ShopifyFake;
