import { describe, expect, it, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { shop } from './fixtures';
import { setup } from './helpers';

/** Shows the decision and waits for the dialog to open (it opens after the next frame). */
async function open(...args: Parameters<typeof setup>) {
  const r = setup(...args);
  await waitFor(() => expect(r.root.querySelector('dialog')?.open).toBe(true));
  return r;
}

const s = shop();
const en = shop('en');

describe('upsell dialog', () => {
  it('opens as a modal dialog named by its title, with the price difference and benefits (ja)', async () => {
    const { q } = await open({ modal: s.upsell });
    const dialog = q.getByRole('dialog', { name: '手ぬぐい 青海波 特選（注染）にしませんか？' }) as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('手ぬぐい 青海波 → 手ぬぐい 青海波 特選（注染）');
    expect(dialog.textContent).toContain('+￥1,100');
    expect(dialog.textContent).not.toContain('合計');
    expect(q.getByText('職人による注染（ちゅうせん）で、裏まで色が通ります')).toBeTruthy();
    expect(q.getByText('綿100%・日本製')).toBeTruthy();
    expect(q.getByText('カートの手ぬぐい 青海波を手ぬぐい 青海波 特選（注染）に変更します。')).toBeTruthy();
    expect(q.getByRole('button', { name: '変更する' }).dataset.action).toBe('accept');
    expect(q.getByRole('button', { name: 'このままにする' }).dataset.action).toBe('decline');
    expect(q.getByRole('button', { name: '閉じる' }).dataset.action).toBe('dismiss');
    const img = dialog.querySelector('img')!;
    expect([img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height')]).toEqual(['https://shop.example.jp/img/tenugui-dx.svg', '96', '96']);
  });

  it('shows the per-item difference and the total when the line has several items', async () => {
    const { q } = await open({ modal: s.upsellTwo });
    expect(q.getByRole('dialog').textContent).toContain('+￥1,100 1点あたり');
    expect(q.getByText('合計 +￥2,200（2点）')).toBeTruthy();
  });

  it('speaks English with locale "en"', async () => {
    const { q } = await open({ modal: en.upsellTwo }, { locale: 'en' });
    q.getByRole('dialog', { name: 'Upgrade to Tenugui towel, Seigaiha — hand-dyed?' });
    expect(q.getByRole('dialog').textContent).toContain('+¥1,100 each');
    expect(q.getByText('+¥2,200 for 2')).toBeTruthy();
    q.getByRole('button', { name: 'Upgrade' });
    q.getByRole('button', { name: 'Keep mine' });
    q.getByRole('button', { name: 'Close' });
  });

  it('formats money as 1,100円 when the config asks for the suffix style', async () => {
    const { q } = await open({ modal: s.upsell }, { moneyFormat: 'suffix' });
    expect(q.getByRole('dialog').textContent).toContain('+1,100円');
  });

  it('a downsell has its own title', async () => {
    const { q } = await open({ modal: s.downsell });
    q.getByRole('dialog', { name: '手ぬぐい 青海波 上質綿はいかがですか？' });
    expect(q.getByRole('dialog').textContent).toContain('+￥550');
  });

  it('uses the offer copy over the global text over the built-in strings', async () => {
    const modal = { ...s.upsell, text: { title: '期間限定アップグレード特典', accept: 'アップグレードする' } };
    const { q } = await open({ modal }, { text: { 'upsell.accept': '使わない', 'upsell.decline': '今回は見送る', close: 'とじる' } });
    q.getByRole('dialog', { name: '期間限定アップグレード特典' });
    q.getByRole('button', { name: 'アップグレードする' });
    q.getByRole('button', { name: '今回は見送る' });
    q.getByRole('button', { name: 'とじる' });
  });

  it('accept: buttons are disabled while pending, then the dialog closes', async () => {
    let resolve!: (r: { ok: boolean }) => void;
    const onAccept = vi.fn(() => new Promise<{ ok: boolean }>((r) => (resolve = r)));
    const { q, root, handlers } = await open({ modal: s.upsell }, {}, { onAccept });
    fireEvent.click(q.getByRole('button', { name: '変更する' }));
    expect(onAccept).toHaveBeenCalledWith(s.upsell, undefined);
    await waitFor(() => expect(q.getByRole('button', { name: 'このままにする' }).getAttribute('aria-disabled')).toBe('true'));
    expect(q.getByRole('button', { name: '変更する' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(q.getByRole('button', { name: '変更する' }));
    fireEvent.click(q.getByRole('button', { name: 'このままにする' }));
    fireEvent.click(q.getByRole('button', { name: '閉じる' }));
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(handlers.onDecline).not.toHaveBeenCalled();
    expect(handlers.onDismiss).not.toHaveBeenCalled();
    resolve({ ok: true });
    await waitFor(() => expect(root.querySelector('dialog')).toBeNull());
  });

  it('a failed accept shows the message in the dialog and lets the shopper try again', async () => {
    const onAccept = vi.fn(async () => ({ ok: false, message: '在庫がなくなりました' }));
    const { q } = await open({ modal: s.upsell }, {}, { onAccept });
    fireEvent.click(q.getByRole('button', { name: '変更する' }));
    expect((await q.findByRole('alert')).textContent).toBe('在庫がなくなりました');
    expect((q.getByRole('dialog') as HTMLDialogElement).open).toBe(true);
    expect(q.getByRole('button', { name: '変更する' }).hasAttribute('aria-disabled')).toBe(false);
  });

  it('a failure without a message, or a rejected promise, gets the plain built-in message', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { q } = await open({ modal: s.upsell }, { locale: 'en' }, { onAccept: vi.fn(async () => Promise.reject(new Error('HTTP 500'))) });
    fireEvent.click(q.getByRole('button', { name: 'Upgrade' }));
    expect((await q.findByRole('alert')).textContent).toBe("Couldn't add it to your cart. Please try again in a moment.");
    expect(err).toHaveBeenCalledTimes(1);
    err.mockRestore();
  });

  it('opens in steps (its parts laid out hidden one by one, then showModal) and leaves nothing of the warm-up behind', async () => {
    const { root } = setup({ modal: s.upsell });
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).toBe(false);
    const seen: string[] = [];
    const parts = new Set<string>();
    const watch = new MutationObserver(() => {
      for (const w of root.querySelectorAll('.w')) {
        seen.push(w === dialog ? `dialog open=${dialog.open}` : `warm aria-hidden=${w.getAttribute('aria-hidden')}`);
        if (w !== dialog) parts.add(w.innerHTML);
      }
    });
    watch.observe(root, { subtree: true, childList: true, attributes: true });
    await waitFor(() => expect(dialog.open).toBe(true));
    watch.disconnect();
    // Hidden from sight and from screen readers before it opens; the dialog itself is never laid
    // out hidden, only copies of its parts, one at a time, without their ids.
    expect(new Set(seen)).toEqual(new Set(['warm aria-hidden=true']));
    expect(parts.size).toBe(dialog.children.length);
    expect([...parts].some((html) => html.includes(' id='))).toBe(false);
    expect(root.querySelector('.w')).toBeNull();
  });

  it('closed before it opened: no dialog opens and no warm-up element stays', async () => {
    const { ui, root } = setup({ modal: s.upsell });
    await new Promise<void>((resolve) => {
      const watch = new MutationObserver(() => root.querySelector('.w') && (watch.disconnect(), resolve()));
      watch.observe(root, { subtree: true, childList: true });
    });
    ui.update({ modal: null, panels: [], volume: null, bar: null, holdout: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(root.querySelector('dialog')).toBeNull();
    expect(root.querySelector('.w')).toBeNull();
  });

  it('decline reports a decline and closes', async () => {
    const { q, handlers, root } = await open({ modal: s.upsell });
    fireEvent.click(q.getByRole('button', { name: 'このままにする' }));
    expect(handlers.onDecline).toHaveBeenCalledWith(s.upsell);
    expect(handlers.onDismiss).not.toHaveBeenCalled();
    expect(root.querySelector('dialog')).toBeNull();
  });

  it('the close button reports a dismissal once', async () => {
    const { q, handlers, root } = await open({ modal: s.upsell });
    fireEvent.click(q.getByRole('button', { name: '閉じる' }));
    expect(handlers.onDismiss).toHaveBeenCalledTimes(1);
    expect(root.querySelector('dialog')).toBeNull();
  });

  it('Esc (the dialog closing by itself) counts as a dismissal', async () => {
    const { handlers, root } = await open({ modal: s.upsell });
    const dialog = root.querySelector('dialog')!;
    dialog.close();
    fireEvent(dialog, new Event('close'));
    await waitFor(() => expect(root.querySelector('dialog')).toBeNull());
    expect(handlers.onDismiss).toHaveBeenCalledTimes(1);
    expect(handlers.onDecline).not.toHaveBeenCalled();
  });

  it('a closed prompt stays closed while the engine still holds it, and can come back later', async () => {
    const { q, ui, root } = await open({ modal: s.upsell });
    fireEvent.click(q.getByRole('button', { name: '閉じる' }));
    ui.update({ modal: s.upsell, panels: [], volume: null, bar: null, holdout: false });
    expect(root.querySelector('dialog')).toBeNull();
    ui.update({ modal: null, panels: [], volume: null, bar: null, holdout: false });
    ui.update({ modal: s.upsell, panels: [], volume: null, bar: null, holdout: false });
    expect(root.querySelector('dialog')).not.toBeNull();
  });

  it('a downsell after a decline opens as a new dialog', async () => {
    const { q, ui, handlers } = await open({ modal: s.upsell }, {}, {});
    handlers.onDecline.mockImplementation(() => ui.update({ modal: s.downsell, panels: [], volume: null, bar: null, holdout: false }));
    fireEvent.click(q.getByRole('button', { name: 'このままにする' }));
    await q.findByRole('dialog', { name: '手ぬぐい 青海波 上質綿はいかがですか？' });
    expect(handlers.onShow).toHaveBeenCalledWith(s.downsell);
  });

  it('a modal withdrawn before it opened never opens, and nothing is reported as dismissed', async () => {
    const { ui, root, handlers } = setup({ modal: s.upsell });
    ui.update({ modal: null, panels: [], volume: null, bar: null, holdout: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(root.querySelector('dialog')).toBeNull();
    expect(handlers.onDismiss).not.toHaveBeenCalled();
  });

  it('renders page text as text and drops unsafe image URLs', async () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const modal = { ...s.upsell, to: { ...s.upsell.to, name: evil, image: 'javascript:alert(1)' }, benefits: ['<b>太字</b>'] };
    const { root, q } = await open({ modal });
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(q.getByRole('dialog').textContent).toContain(evil);
    expect(q.getByText('<b>太字</b>')).toBeTruthy();
  });

  it('shows proof lines only from real data: countdown, stock, social proof with its source', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-22T10:00:00Z') });
    try {
      const modal = { ...s.upsell, proof: { endsAt: '2026-11-23T13:30:00Z', stock: 3, stockAsOf: '2026-11-22T09:00:00Z', socialProof: { text: 'レビュー平均 4.6（128件）', source: '当店レビュー' } } };
      const { q } = setup({ modal });
      q.getByText('終了まで1日3時間');
      // A stock count says when it was taken.
      q.getByText(/^残り3点（11\/22 \d{1,2}:00時点）$/);
      q.getByText('レビュー平均 4.6（128件）（出典：当店レビュー）');
    } finally {
      vi.useRealTimers();
    }
  });

  it('the countdown follows the clock and its timer stops with the prompt', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-22T10:00:00Z') });
    try {
      const modal = { ...s.upsell, proof: { endsAt: '2026-11-22T10:02:00Z' } };
      const { q, ui } = setup({ modal });
      q.getByText('終了まで2分');
      vi.advanceTimersByTime(60_000);
      q.getByText('終了まで1分');
      vi.advanceTimersByTime(90_000);
      expect(q.queryByText(/終了まで/)).toBeNull();
      ui.update({ modal: null, panels: [], volume: null, bar: null, holdout: false });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows no proof lines without data, and none for a past end date or zero stock', async () => {
    const { root } = await open({ modal: { ...s.upsell, proof: { endsAt: '2001-01-01T00:00:00Z', stock: 0 } } });
    expect(root.querySelector('.pf')).toBeNull();
    expect(root.textContent).not.toMatch(/残り|終了/);
  });
});

describe('honest prices in the dialog', () => {
  it("shows the new item's price, marked 税込, and the difference", () => {
    const { q } = setup({ modal: s.upsell });
    const dialog = q.getByRole('dialog', { hidden: true });
    expect(dialog.textContent).toContain(`￥${s.upsell.to.price.toLocaleString('en')}（税込）`);
    expect(dialog.textContent).toContain(`差額 +￥${s.upsell.difference.toLocaleString('en')}`);
  });

  it('a stock count without its date is not shown', () => {
    const { q } = setup({ modal: { ...s.upsell, proof: { stock: 3 } } });
    expect(q.queryByText(/残り3点/)).toBeNull();
  });
});
