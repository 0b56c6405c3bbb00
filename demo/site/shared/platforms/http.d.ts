// Types for the plain-JS platform fakes (they also run in the demo pages as they are).
export interface FakeRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
}
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
export interface Fake {
  handle(req: FakeRequest): FakeAnswer | null;
}
export interface Faults {
  add(path: string, status?: number, times?: number): void;
}
export interface LogEntry {
  method: string;
  path: string;
  root?: string;
  via?: string;
}
export function fields(req: FakeRequest): Record<string, any> | null;
export function fetchOf(fakes: Fake | Fake[], origin?: string): typeof fetch;
export function toResponse(a: FakeAnswer): Response;
export function nodeHandler(fakes: Fake | Fake[], next: (req: any, res: any, url: URL) => void): (req: any, res: any) => void;
export function hash(s: string, len?: number): string;
export function esc(s: unknown): string;
export function faults(): Faults & { hit(req: FakeRequest): FakeAnswer | null };
