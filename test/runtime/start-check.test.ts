import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/config/types';

// The page's own zero-delay timers count turns; each check notes the turn it ran in.
let turn = 0;
const ranIn: Record<string, number[]> = { shape: [], meaning: [] };
vi.mock('../../src/config/schema', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/config/schema')>();
  return { ...real, configSchema: (...a: Parameters<typeof real.configSchema>) => (ranIn.shape.push(turn), real.configSchema(...a)) };
});
vi.mock('../../src/offers/check', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/offers/check')>();
  return { ...real, checkOffers: (...a: Parameters<typeof real.checkOffers>) => (ranIn.meaning.push(turn), real.checkOffers(...a)) };
});
const { start, stop } = await import('../../src/runtime/start');

const config = (offers: Config['offers']): Config => ({
  locale: 'ja',
  products: [
    { sku: 'A', name: 'A', price: 1000 },
    { sku: 'B', name: 'B', price: 2000 },
  ],
  offers,
  readCart: () => ({ items: [], subtotal: 0, currency: 'JPY' }),
});

afterEach(() => {
  stop();
  ranIn.shape = [];
  ranIn.meaning = [];
  vi.restoreAllMocks();
});

describe('the script-tag start checks the config in two tasks', () => {
  it('its shape, then its meaning, with a turn of the page in between', async () => {
    let ticking = true;
    const tick = () => ticking && (turn++, setTimeout(tick));
    setTimeout(tick);
    expect(await start(config([{ id: 'up', type: 'upsell', from: 'A', to: 'B' }]))).toBe(true);
    ticking = false;
    expect(ranIn.shape).toHaveLength(1);
    expect(ranIn.meaning).toHaveLength(1);
    expect(ranIn.meaning[0]).toBeGreaterThan(ranIn.shape[0]);
  });

  it('what the second check finds is said, naming the field: a dangling reference turns off only its offer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await start(config([{ id: 'up', type: 'upsell', from: 'A', to: 'NOPE' }]))).toBe(true);
    expect(ranIn.meaning).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('offers[0].to');
  });

  it('a config with a wrong shape is refused without the second check', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await start({ ...config([]), freeShipping: { threshold: 'many' } } as unknown as Config)).toBe(false);
    expect(ranIn.shape).toHaveLength(1);
    expect(ranIn.meaning).toHaveLength(0);
  });
});
