import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import type { Config } from '../../src/config/types';
import { FreeShippingBar } from '../../src/ui/FreeShippingBar';
import { makeCtx, type UIHandlers } from '../../src/ui/mount';
import { shop } from './fixtures';
import { setup } from './helpers';

const s = shop();
const en = shop('en');

/** The bar alone, rendered by @testing-library/preact in the light DOM. */
function bar(v = s.bar, config: Config = {}, handlers: Partial<UIHandlers> = {}) {
  const h = { onShow() {}, onAccept: async () => ({ ok: true }), onDecline() {}, onDismiss() {}, ...handlers };
  const c = makeCtx(
    config,
    h,
    () => {},
    () => r.rerender(<FreeShippingBar c={c} v={v} />),
  );
  const r = render(<FreeShippingBar c={c} v={v} />);
  return r;
}

describe('free-shipping bar', () => {
  it('says the exact remaining amount in a status region (ja)', () => {
    bar();
    expect(screen.getByRole('status').textContent).toBe('あと￥2,888で送料無料');
  });

  it('says it in English', () => {
    bar(en.bar, { locale: 'en' });
    expect(screen.getByRole('status').textContent).toBe('¥2,888 away from free shipping');
  });

  it('says free shipping is reached, and what the next tier needs', () => {
    bar(s.barReached);
    expect(screen.getByRole('status').textContent).toBe('送料無料の対象です · あと￥3,928でギフト包装無料');
  });

  it('says the top tier is reached', () => {
    bar({ ...s.barReached, tiers: [{ ...s.bar.tiers[0], reached: true, remaining: 0 }], progress: 1 });
    expect(screen.getByRole('status').textContent).toBe('送料無料の対象です · ギフト包装無料の対象です');
  });

  it('uses the merchant wording from freeShipping.text and the money style', () => {
    bar(s.bar, { moneyFormat: 'suffix', freeShipping: { threshold: 10000, text: { remaining: '送料無料まであと{amount}' } } });
    expect(screen.getByRole('status').textContent).toBe('送料無料まであと2,888円');
  });

  it('draws progress and a marker per tier', () => {
    const { container } = bar();
    const fill = container.querySelector('.fl') as HTMLElement;
    expect(fill.style.width).toBe('47%');
    const ticks = [...container.querySelectorAll('.tk')].map((t) => (t as HTMLElement).style.left);
    expect(ticks).toEqual([`${(10000 / 15000) * 100}%`]);
  });

  it('offers gap fillers as add buttons when the widget can add them', () => {
    const onAddGapFiller = vi.fn(async () => ({ ok: true }));
    bar(s.bar, {}, { onAddGapFiller });
    expect(screen.getByRole('group', { name: 'これを足すと送料無料' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '風呂敷 綿 中判を追加 ￥2,970（税込）' }));
    expect(onAddGapFiller).toHaveBeenCalledWith(s.products.furoshiki);
  });

  it('shows a failed gap-filler add in plain words', async () => {
    bar(s.bar, {}, { onAddGapFiller: async () => ({ ok: false }) });
    fireEvent.click(screen.getByRole('button', { name: /急須/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('追加できませんでした');
  });

  it('without an add handler, gap fillers are links to safe product pages only', () => {
    bar({ ...s.bar, gapFillers: [s.products.kyusu, { ...s.products.furoshiki, url: 'javascript:alert(1)' }] });
    expect(screen.getByRole('link', { name: '急須 常滑焼 ￥3,300（税込）' }).getAttribute('href')).toBe('https://shop.example.jp/products/KY-01');
    expect(screen.queryByText(/風呂敷/)).toBeNull();
  });

  it('shows no gap fillers once free shipping is reached', () => {
    bar({ ...s.barReached, gapFillers: [s.products.kyusu] }, {}, { onAddGapFiller: async () => ({ ok: true }) });
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('is a fixed overlay at the bottom by default, at the top when asked', () => {
    const { root } = setup({ bar: s.bar });
    expect(root.querySelector('aside.dock:not(.top) [role=status]')).not.toBeNull();
    const { root: r2 } = setup({ bar: s.bar }, { freeShipping: { threshold: 10000, position: 'top' } });
    expect(r2.querySelector('.dock.top [role=status]')).not.toBeNull();
  });

  it('renders inside the merchant slot when configured', () => {
    const slot = document.createElement('p');
    slot.className = 'fs-slot';
    document.body.appendChild(slot);
    const { root } = setup({ bar: s.bar }, { freeShipping: { threshold: 10000, slot: '.fs-slot' } });
    expect(root.querySelector('[role=status]')).toBeNull();
    expect(slot.querySelector('cart-upsell-slot')!.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('あと￥2,888で送料無料');
    slot.remove();
  });
});
