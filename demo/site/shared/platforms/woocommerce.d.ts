import type { Fake, Faults, LogEntry } from './http.js';
export interface WooFake extends Fake {
  nonce: string;
  cartToken: string;
  couponNonce: string;
  restRoot: string;
  log: LogEntry[];
  fault: Faults;
  cart(): any;
  summary(): string[];
  setPrice(id: number, price: number): void;
  seed(items: { id: number; quantity: number }[]): void;
}
export function createWooCommerce(shop: {
  products: { id: number; sku?: string; name: string; price: number; stock?: number }[];
  coupons?: Record<string, { type: 'set'; products: number[]; price: number } | { type: 'percent'; percent: number; minQuantity?: number }>;
  base?: string;
  permalinks?: 'pretty' | 'plain';
  nonce?: string;
  currency?: string;
}): WooFake;
