import { describe, expect, it, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { shop } from './fixtures';
import { setup } from './helpers';

const s = shop();
const en = shop('en');

describe('cross-sell panel', () => {
  it('is a non-modal region with each item, its price and a named add button (ja)', () => {
    const before = document.activeElement;
    const { q } = setup({ panels: [s.cross] });
    const panel = q.getByRole('region', { name: '手ぬぐい 青海波と一緒にどうぞ' });
    expect(q.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(before);
    expect(panel.textContent).toContain('手ぬぐいハンガー');
    expect(panel.textContent).toContain('￥880');
    expect(panel.textContent).toContain('￥440');
    const add = q.getByRole('button', { name: '手ぬぐいハンガーを追加' });
    expect(add.dataset.action).toBe('accept');
    expect(add.textContent).toBe('追加');
    expect(q.getAllByRole('button', { name: /を追加$/ })).toHaveLength(3);
    expect(q.getByRole('button', { name: '閉じる' }).dataset.action).toBe('dismiss');
    expect(q.getByRole('link', { name: '手ぬぐいハンガー' }).getAttribute('href')).toBe('https://shop.example.jp/products/HG-01');
  });

  it('is named by its title whatever its offer id holds (a space, a slash, Japanese)', () => {
    const { q } = setup({ panels: [{ ...s.cross, offerId: 'お茶 と/手ぬぐい' }] });
    const panel = q.getByRole('region', { name: '手ぬぐい 青海波と一緒にどうぞ' });
    expect(panel.getAttribute('aria-labelledby')).not.toMatch(/\s/);
  });

  it('speaks English', () => {
    const { q } = setup({ panels: [en.cross] }, { locale: 'en' });
    q.getByRole('region', { name: 'Goes well with Tenugui towel, Seigaiha' });
    q.getByRole('button', { name: 'Add Tenugui hanger' });
    expect(q.getByRole('region').textContent).toContain('¥880');
  });

  it('adding an item passes that item, marks it added and keeps the panel', async () => {
    const { q, handlers } = setup({ panels: [s.cross] });
    fireEvent.click(q.getByRole('button', { name: '箸置き 5個セットを追加' }));
    expect(handlers.onAccept).toHaveBeenCalledWith(s.cross, s.products.hashioki);
    const added = await q.findByRole('button', { name: '箸置き 5個セットを追加しました' });
    expect(added.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(added);
    await new Promise((r) => setTimeout(r, 10));
    expect(handlers.onAccept).toHaveBeenCalledTimes(1);
    expect(q.getByRole('button', { name: '手ぬぐいハンガーを追加' }).hasAttribute('aria-disabled')).toBe(false);
    q.getByRole('region');
  });

  it('a failed add says so in plain words', async () => {
    const { q } = setup({ panels: [s.cross] }, {}, { onAccept: vi.fn(async () => ({ ok: false })) });
    fireEvent.click(q.getByRole('button', { name: '桐箱（ギフト用）を追加' }));
    expect((await q.findByRole('alert')).textContent).toBe('追加できませんでした。時間をおいてもう一度お試しください。');
    expect(q.getByRole('button', { name: '桐箱（ギフト用）を追加' }).hasAttribute('aria-disabled')).toBe(false);
  });

  it('dismiss reports it and removes the panel', () => {
    const { q, handlers, root } = setup({ panels: [s.cross] });
    fireEvent.click(q.getByRole('button', { name: '閉じる' }));
    expect(handlers.onDismiss).toHaveBeenCalledWith(s.cross);
    expect(root.querySelector('section')).toBeNull();
  });

  it('a merchant override of the add label keeps the product name in the button name', () => {
    const { q } = setup({ panels: [{ ...s.cross, text: { accept: 'カートに入れる', title: 'あわせて使いたい' } }] });
    q.getByRole('region', { name: 'あわせて使いたい' });
    q.getByRole('button', { name: '手ぬぐいハンガーをカートに入れる' });
  });

  it('drops javascript: links and images, and shows a <script> name as text', () => {
    const bad = { ...s.products.hanger, name: '<script>alert(1)</script>', url: 'javascript:alert(1)', image: 'data:image/png;base64,AAAA' };
    const { q, root } = setup({ panels: [{ ...s.cross, items: [bad] }] });
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('a')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    q.getByText('<script>alert(1)</script>');
    q.getByRole('button', { name: '<script>alert(1)</script>を追加' });
  });

  it('goes into the merchant slot when the page has it, in a shadow root without a second data-cart-upsell', () => {
    const slot = document.createElement('div');
    slot.id = 'upsell-slot';
    document.body.appendChild(slot);
    try {
      const { root } = setup({ panels: [{ ...s.cross, slot: '#upsell-slot' }] });
      expect(root.querySelector('section')).toBeNull();
      const inner = slot.querySelector('cart-upsell-slot')!;
      expect(inner.shadowRoot!.querySelector('section')!.textContent).toContain('手ぬぐいハンガー');
      expect(inner.shadowRoot!.adoptedStyleSheets).toEqual(root.adoptedStyleSheets);
      expect(document.querySelectorAll('[data-cart-upsell]')).toHaveLength(1);
    } finally {
      slot.remove();
    }
  });

  it('falls back to the corner when the slot is not on the page', () => {
    const { root } = setup({ panels: [{ ...s.cross, slot: '#nowhere' }] });
    expect(root.querySelector('.dock section')).not.toBeNull();
  });

  it('follows a slot that the theme re-rendered', async () => {
    const make = () => {
      const el = document.createElement('div');
      el.className = 'drawer-slot';
      document.body.appendChild(el);
      return el;
    };
    const first = make();
    const { ui } = setup({ panels: [{ ...s.cross, slot: '.drawer-slot' }] });
    first.remove();
    const second = make();
    ui.update({ modal: null, panels: [{ ...s.cross, slot: '.drawer-slot' }], volume: null, bar: null, holdout: false });
    await waitFor(() => expect(second.querySelector('cart-upsell-slot')?.shadowRoot?.querySelector('section')).toBeTruthy());
    ui.destroy();
    expect(second.querySelector('cart-upsell-slot')).toBeNull();
    second.remove();
  });
});
