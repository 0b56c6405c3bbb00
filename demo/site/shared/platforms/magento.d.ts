import type { Fake, Faults, LogEntry } from './http.js';
export interface MagentoFake extends Fake {
  formKey: string;
  log: LogEntry[];
  fault: Faults;
  summary(): string[];
  seed(items: { id: number; qty: number }[]): void;
}
export function createMagento(shop: { products: { id: number; sku: string; name: string; price: number; stock?: number; url?: string }[]; formKey?: string }): MagentoFake;
