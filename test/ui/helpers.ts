import { afterEach, vi } from 'vitest';
import { within } from '@testing-library/preact';
import type { Config } from '../../src/config/types';
import type { Decision } from '../../src/offers/types';
import { createUI, type UI, type UIHandlers } from '../../src/ui/mount';
import { decision } from './fixtures';

const made: UI[] = [];
afterEach(() => {
  for (const ui of made.splice(0)) ui.destroy();
});

/** Mounts the UI with spy handlers and shows the decision; queries run inside the shadow root. */
export function setup(d: Partial<Decision>, config: Config = {}, over: Partial<UIHandlers> = {}) {
  const handlers = {
    onShow: vi.fn(),
    onAccept: vi.fn(async () => ({ ok: true })),
    onDecline: vi.fn(),
    onDismiss: vi.fn(),
    ...over,
  } as UIHandlers & Record<'onShow' | 'onAccept' | 'onDecline' | 'onDismiss', ReturnType<typeof vi.fn>>;
  const ui = createUI(config, handlers, document);
  made.push(ui);
  ui.update(decision(d));
  const root = ui.host.shadowRoot!;
  return { ui, handlers, root, q: within(root as unknown as HTMLElement) };
}
