import { describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { shop } from './fixtures';
import { setup } from './helpers';

const s = shop();
const en = shop('en');

describe('bundle card', () => {
  it('shows the set, the set price, the parts struck through (read as 通常) and the saving', () => {
    const { q, root } = setup({ panels: [s.bundle] });
    const card = q.getByRole('region', { name: 'セットでお得' });
    expect(card.textContent).toContain('手ぬぐい 麻の葉');
    expect(card.textContent).toContain('帆布トートバッグ');
    expect(card.textContent).toContain('セット価格 ￥3,000');
    const struck = root.querySelector('s')!;
    expect(struck.textContent).toBe('通常 ￥3,600');
    expect(struck.querySelector('.sr')!.textContent).toBe('通常 ');
    q.getByText('￥600お得');
    // The shopper already has the towel: only the tote is added.
    expect(q.getAllByText('カートに入っています')).toHaveLength(1);
    expect(q.getByText('カートに入っています').parentElement!.textContent).toContain('手ぬぐい 麻の葉');
    expect(q.getByRole('button', { name: 'セットにする' }).dataset.action).toBe('accept');
    q.getByRole('button', { name: '閉じる' });
  });

  it('speaks English', () => {
    const { q, root } = setup({ panels: [en.bundle] }, { locale: 'en' });
    q.getByRole('region', { name: 'Save with the set' });
    expect(root.querySelector('s')!.textContent).toBe('Regular price ¥3,600');
    q.getByText('Save ¥600');
    q.getByRole('button', { name: 'Get the set' });
  });

  it('accepting adds the set and closes the card', async () => {
    const { q, handlers, root } = setup({ panels: [s.bundle] });
    fireEvent.click(q.getByRole('button', { name: 'セットにする' }));
    expect(handlers.onAccept).toHaveBeenCalledWith(s.bundle, undefined);
    await waitFor(() => expect(root.querySelector('section')).toBeNull());
  });

  it('shows no strike-through or saving when there is none', () => {
    const { root } = setup({ panels: [{ ...s.bundle, partsTotal: 3000, saving: 0 }] });
    expect(root.querySelector('s')).toBeNull();
    expect(root.textContent).not.toContain('お得￥');
    expect(root.querySelector('.sv')).toBeNull();
  });
});

describe('volume line', () => {
  it('says how many more items reach the next tier (ja / en)', () => {
    const { root } = setup({ volume: s.volume });
    expect(root.textContent).toContain('まとめ買い割引');
    expect(root.textContent).toContain('あと1点で10%オフ');
    const { root: r2 } = setup({ volume: en.volume }, { locale: 'en' });
    expect(r2.textContent).toContain('Add 1 more for 10% off');
  });

  it('mentions the tier already reached', () => {
    const { root } = setup({ volume: { ...s.volume, itemsToNext: 2, nextPercentOff: 15, currentPercentOff: 10 } });
    expect(root.textContent).toContain('あと2点で15%オフ');
    expect(root.textContent).toContain('10%オフ適用中');
  });

  it('a tier that needs a code says "対象" and offers to apply it; "適用中" only once the shop took it', async () => {
    const p = { ...s.volume, itemsToNext: 2, nextPercentOff: 15, currentPercentOff: 10, discountCode: 'VOL10' };
    const { q, handlers, root } = setup({ volume: p });
    expect(root.textContent).toContain('10%オフの対象です');
    expect(root.textContent).not.toContain('適用中');
    fireEvent.click(q.getByRole('button', { name: 'クーポンを適用する' }));
    expect(handlers.onAccept).toHaveBeenCalledWith(p, undefined);
    await waitFor(() => expect(root.textContent).toContain('10%オフ適用中'));
    expect(q.queryByRole('button', { name: 'クーポンを適用する' })).toBeNull();
  });

  it('a code the cart refuses: the reason is shown and nothing claims the discount', async () => {
    const p = { ...s.volume, itemsToNext: 0, nextPercentOff: 0, currentPercentOff: 10, discountCode: 'VOL10' };
    const { q, root } = setup({ volume: p }, {}, { onAccept: async () => ({ ok: false, message: 'クーポンを適用できませんでした' }) });
    fireEvent.click(q.getByRole('button', { name: 'クーポンを適用する' }));
    await waitFor(() => expect(q.getByRole('alert').textContent).toBe('クーポンを適用できませんでした'));
    expect(root.textContent).not.toContain('適用中');
  });

  it('can be dismissed', () => {
    const { q, handlers, root } = setup({ volume: s.volume });
    fireEvent.click(q.getByRole('button', { name: '閉じる' }));
    expect(handlers.onDismiss).toHaveBeenCalledWith(s.volume);
    expect(root.textContent).toBe('');
  });
});
