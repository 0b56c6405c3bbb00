import { describe, expect, it, vi } from 'vitest';
import { createUI } from '../../src/ui/mount';
import { decision, shop } from './fixtures';
import { setup } from './helpers';

const s = shop();
/** Impressions are reported in the task after the render. */
const nextTask = () => new Promise((r) => setTimeout(r, 0));
/** New prompts of a decision without a dialog are drawn one per frame. */
const settle = async () => {
  for (let i = 0; i < 6; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
};

describe('createUI', () => {
  it('makes one host with data-cart-upsell and an open shadow root styled by an adopted sheet', () => {
    const { ui, root } = setup({ bar: s.bar });
    expect(document.querySelectorAll('[data-cart-upsell]')).toHaveLength(1);
    expect(ui.host.parentElement).toBe(document.documentElement);
    expect(root.mode).toBe('open');
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.querySelector('style')).toBeNull();
    expect(document.querySelector('style')).toBeNull();
  });

  it('maps config.theme to custom properties on the host', () => {
    const { root } = setup({ bar: s.bar }, { theme: { accent: '#c0392b', radius: '2px', font: 'serif' } });
    const css = [...root.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n');
    expect(css).toContain('--cu-accent: #c0392b');
    expect(css).toContain('--cu-r: 2px');
    expect(css).toContain('--cu-font: serif');
  });

  it('adopts a style sheet made beforehand, in the slots too, and parses none of its own', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host{--cu-accent:#123456}');
    const replace = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const slot = document.body.appendChild(document.createElement('div'));
    slot.id = 'slot';
    const ui = createUI({}, { onShow() {}, onAccept: async () => ({ ok: true }), onDecline() {}, onDismiss() {} }, document, sheet);
    try {
      ui.update(decision({ bar: s.bar, panels: [{ ...s.cross, slot: '#slot' }] }));
      await settle();
      const inSlot = slot.querySelector('cart-upsell-slot')!.shadowRoot!;
      for (const root of [ui.host.shadowRoot!, inSlot]) expect(root.adoptedStyleSheets.length === 1 && root.adoptedStyleSheets[0] === sheet).toBe(true);
      expect(inSlot.textContent).toContain('手ぬぐいハンガー');
      expect(replace).not.toHaveBeenCalled();
    } finally {
      replace.mockRestore();
      ui.destroy();
      slot.remove();
    }
  });

  it('destroy() removes the host and everything in it', () => {
    const { ui } = setup({ bar: s.bar, panels: [s.cross] });
    ui.destroy();
    expect(document.querySelector('[data-cart-upsell]')).toBeNull();
    ui.update(decision({ bar: s.bar }));
    expect(document.querySelector('[data-cart-upsell]')).toBeNull();
  });

  it('shows a holdout visitor the free-shipping bar but no offer, and counts no impression', async () => {
    const { root, handlers } = setup({ bar: s.bar, panels: [s.cross], holdout: true });
    await nextTask();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('送料無料');
    expect(root.textContent).not.toContain('一緒にどうぞ');
    expect(handlers.onShow).not.toHaveBeenCalled();
  });

  it('reports each prompt once when it appears, not on every update', async () => {
    const { ui, handlers } = setup({ panels: [s.cross], volume: s.volume });
    await settle();
    expect(handlers.onShow).toHaveBeenCalledTimes(2);
    ui.update(decision({ panels: [{ ...s.cross }], volume: { ...s.volume } }));
    await settle();
    expect(handlers.onShow).toHaveBeenCalledTimes(2);
    ui.update(decision({ panels: [s.cross, s.bundle], volume: s.volume }));
    await settle();
    expect(handlers.onShow).toHaveBeenCalledTimes(3);
    expect(handlers.onShow.mock.calls[2][0]).toBe(s.bundle);
  });

  it('draws a first decision one prompt per frame, the free-shipping bar first', async () => {
    const { root, q } = setup({ bar: s.bar, panels: [s.cross, s.bundle], volume: s.volume });
    const drawn = () => [...(root.querySelector('.dock')?.children ?? [])];
    // The task that rendered: the bar, and only the bar.
    expect(q.getByRole('status').textContent).toBe('あと￥2,888で送料無料');
    expect(drawn()).toHaveLength(1);
    await nextTask();
    // No frame yet: nothing more.
    expect(drawn()).toHaveLength(1);
    const steps = [drawn().length];
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      steps.push(drawn().length);
    }
    // One more prompt per frame until all four are there, none twice.
    expect(steps).toEqual([1, 2, 3, 4, 4]);
    expect(new Set(drawn()).size).toBe(4);
  });

  it('draws a decision with a dialog at once: the shopper is waiting on it', () => {
    const { root } = setup({ modal: s.upsell, panels: [s.cross], bar: s.bar });
    expect(root.querySelector('dialog')).not.toBeNull();
    expect(root.querySelector('[role="status"]')).not.toBeNull();
    expect(root.querySelector('section')).not.toBeNull();
  });

  it('reports an impression after the render task, and always before an answer to that prompt', async () => {
    const order: string[] = [];
    const { root } = setup({ panels: [s.cross] }, {}, { onShow: (p) => order.push(`show ${p.kind}`), onDismiss: (p) => order.push(`dismiss ${p.kind}`) });
    expect(root.textContent).toContain('一緒にどうぞ');
    expect(order).toEqual([]);
    root.querySelector<HTMLElement>('[data-action="dismiss"]')!.click();
    expect(order).toEqual(['show cross-sell', 'dismiss cross-sell']);
    await nextTask();
    expect(order).toEqual(['show cross-sell', 'dismiss cross-sell']);
  });

  it('counts a modal as seen when its dialog opens on screen, not when it is decided or laid out', async () => {
    const order: string[] = [];
    const open = vi.spyOn(HTMLDialogElement.prototype, 'showModal').mockImplementation(function (this: HTMLDialogElement) {
      order.push('showModal');
      this.setAttribute('open', '');
    });
    try {
      setup({ modal: s.upsell }, {}, { onShow: (p) => order.push(`show ${p.kind}`) });
      await nextTask();
      await nextTask();
      // Rendered, watched, not yet opened: not an impression (the session's modal cap counts seen ones).
      expect(order).toEqual([]);
      await vi.waitFor(() => expect(order).toEqual(['showModal', 'show upsell']));

      // Taken away before it opened: never shown, never counted.
      order.length = 0;
      const { ui } = setup({ modal: s.downsell }, {}, { onShow: (p) => order.push(`show ${p.kind}`) });
      await nextTask();
      ui.update(decision({}));
      await new Promise((r) => setTimeout(r, 100));
      expect(order).toEqual([]);
    } finally {
      open.mockRestore();
    }
  });

  it("declares the copy's language on every prompt, in the corner and in a merchant slot", () => {
    const slot = document.createElement('div');
    slot.id = 'lang-slot';
    document.body.appendChild(slot);
    try {
      for (const locale of ['ja', 'en'] as const) {
        const { ui, root } = setup({ modal: s.upsell, panels: [s.cross], bar: s.bar }, { locale, freeShipping: { threshold: 5000, slot: '#lang-slot' } });
        const inSlot = slot.querySelector('cart-upsell-slot')!.shadowRoot!;
        for (const el of [root.querySelector('dialog')!, root.querySelector('section')!, inSlot.querySelector('[role="status"]')!]) expect(el.closest('[lang]')?.getAttribute('lang')).toBe(locale);
        ui.destroy();
      }
    } finally {
      slot.remove();
    }
  });

  it('waits for <body> when started before it exists', async () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.documentElement.removeChild(doc.body);
    const onShow = vi.fn();
    const ui = createUI({}, { onShow, onAccept: async () => ({ ok: true }), onDecline() {}, onDismiss() {} }, doc);
    ui.update(decision({ panels: [s.cross] }));
    expect(ui.host.isConnected).toBe(false);
    expect(onShow).not.toHaveBeenCalled();
    doc.documentElement.appendChild(doc.createElement('body'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(ui.host.parentElement).toBe(doc.documentElement);
    await nextTask();
    expect(onShow).toHaveBeenCalledTimes(1);
    ui.destroy();
  });

  it('a handler that throws does not escape to the page', async () => {
    const boom = () => {
      throw new Error('merchant bug');
    };
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => setup({ panels: [s.cross] }, {}, { onShow: boom })).not.toThrow();
    await nextTask();
    expect(err.mock.calls.some((c) => String(c[0]).startsWith('[cart-upsell]'))).toBe(true);
    err.mockRestore();
  });
});

describe('bad input', () => {
  it('a garbage decision shows nothing, logs once, and the next good one renders', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { ui, root, q } = setup({});
      const junk = [
        { modal: { kind: 'upsell', offerId: 'u' }, panels: 'x', volume: null, bar: null, holdout: false },
        { modal: null, panels: [{ kind: 'cross-sell', offerId: 'c', items: [{ sku: 1, name: null, price: 'free' }] }], volume: null, bar: { currency: 'JPY', tiers: 'no' }, holdout: false },
        null,
        {},
      ];
      for (const d of junk) expect(() => ui.update(d as never)).not.toThrow();
      ui.update(decision({ bar: s.bar }));
      expect(q.getByRole('status').textContent).toBe('あと￥2,888で送料無料');
      expect(root.querySelectorAll('[role=status]')).toHaveLength(1);
      expect(err).toHaveBeenCalled();
      expect(err.mock.calls.every((c) => String(c[0]).startsWith('[cart-upsell]'))).toBe(true);
    } finally {
      err.mockRestore();
    }
  });

  it('a cross-sell with 500 items renders them as text, quickly enough to stay out of the way', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ sku: `S${i}`, name: `<i>商品${i}</i>`, price: 100 + i }));
    const { root } = setup({ panels: [{ ...s.cross, items }] });
    expect(root.querySelectorAll('li')).toHaveLength(500);
    expect(root.querySelector('i')).toBeNull();
  });

  it('stays, and comes back if removed, when the shop replaces <body> (Turbo-style navigation)', () => {
    const { ui } = setup({ bar: s.bar });
    const old = document.body;
    const fresh = document.createElement('body');
    document.documentElement.replaceChild(fresh, old);
    try {
      // Beside <body>, not in it: swapping <body> leaves the prompts in place.
      expect(ui.host.isConnected).toBe(true);
      ui.host.remove(); // a page that clears everything it does not know
      ui.update(decision({ bar: s.barReached }));
      expect(ui.host.parentElement).toBe(document.documentElement);
      expect(ui.host.shadowRoot!.querySelector('[role=status]')!.textContent).toContain('送料無料の対象です');
    } finally {
      document.documentElement.replaceChild(old, fresh);
    }
  });
});

describe('impressions count only what is on screen', () => {
  it('a card rendered into a slot inside a closed (hidden) cart drawer is not counted', async () => {
    const drawer = document.createElement('div');
    drawer.hidden = true;
    drawer.innerHTML = '<div id="drawer-slot"></div>';
    document.body.appendChild(drawer);
    try {
      const { handlers, ui } = setup({ panels: [{ ...s.cross, slot: '#drawer-slot' }] });
      await nextTask();
      expect(drawer.querySelector('cart-upsell-slot')!.shadowRoot!.textContent).toContain('一緒にどうぞ');
      await nextTask();
      expect(handlers.onShow).not.toHaveBeenCalled();
      ui.destroy();
    } finally {
      drawer.remove();
    }
  });
});
