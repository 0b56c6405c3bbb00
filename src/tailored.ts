// A shop's own script (`cart-upsell build`): its config is inlined and was checked at build time,
// so this file carries neither the config check nor the config loading, nor diagnose/preview.
// Defines window.CartUpsell like the generic script tag and starts at once.
import config from 'virtual:cart-upsell/config';
import { start } from './runtime/start';
import { guard } from './util/log';

// Imported one by one, not from ./index: that module would bring the config schema along.
export { start, stop, refresh, trackOrder } from './runtime/start';
export { readCart } from './cart/public';
export const version: string = __VERSION__;

// In a task of its own: evaluating this file only defines CartUpsell.
setTimeout(guard('auto-start', () => void start(config)));
