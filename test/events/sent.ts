import { vi } from 'vitest';
import type { AnyEvent } from '../../src/events/schema';

/** Replaces fetch with an endpoint that accepts every batch; returns the batches' events as sent. */
export function captureBatches(): AnyEvent[][] {
  const bodies: AnyEvent[][] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)).events);
      return new Response('{}', { status: 200 });
    }),
  );
  return bodies;
}
