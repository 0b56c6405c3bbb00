import type { Fake, Faults, LogEntry } from './http.js';
export interface EccubeFake extends Fake {
  csrf: string;
  addCartToken: string;
  root: string;
  log: LogEntry[];
  fault: Faults;
  cart(): { lines: { productClassId: number; quantity: number }[]; total: number };
  summary(): string[];
  setPrice(productClassId: number, price: number): void;
  seed(items: { productClassId: number; quantity: number }[]): void;
}
export function createEccube(shop: {
  products: { productId: number; productClassId: number; name: string; price: number; stock?: number; saleLimit?: number; sku?: string }[];
  root?: string;
}): EccubeFake;
