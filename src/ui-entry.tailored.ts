// The prompt file of a tailored build: what the runtime calls (see src/prompt-module.ts), without
// the configurator's preview.
import { createUI } from './ui/mount';
import { performAccept, platformFor } from './actions';
import type { PromptModule } from './runtime/ui-loader.script';

const prompts: Omit<PromptModule, 'renderPreview'> = { createUI, performAccept, platformFor };
(window as unknown as Record<symbol, unknown>)[Symbol.for('cart-upsell:prompts')] = prompts;
