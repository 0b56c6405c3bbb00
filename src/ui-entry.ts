// The second file of the script-tag build: registers the prompt module for the core to pick up.
import * as prompts from './prompt-module';

(window as unknown as Record<symbol, unknown>)[Symbol.for('cart-upsell:prompts')] = prompts;
