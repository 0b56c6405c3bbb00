// The prompt file of a tailored build: what the runtime calls (see src/prompt-module.ts), without
// the configurator's preview.
import { createUI } from './ui/mount';
import { createSheet } from './ui/styles';
import { performAccept, platformFor, prepareAccept, unchargeable } from './actions';
// Prices drift after the build too: the shop's price changes, the inlined config does not.
import { checkDrift } from './ui/drift';
import { mispriced } from './actions/prices';
import { sendOrder } from './events/order';
import type { PromptModule } from './runtime/ui-loader.script';

const prompts: Omit<PromptModule, 'renderPreview'> = { createUI, createSheet, performAccept, platformFor, prepareAccept, unchargeable, checkDrift, mispriced, sendOrder };
(window as unknown as Record<symbol, unknown>)[Symbol.for('cart-upsell:prompts')] = prompts;
