// What the in-page micro benchmarks call: the same modules the widget ships, bundled and
// minified like the production build (the script-tag build does not expose the engine or
// the tracker, on purpose).
export { readCart } from '../src/cart/read';
export { decide } from '../src/offers/decide';
export { createTracker } from '../src/events/tracker';
export { safeStorage } from '../src/util/storage';
export { validateConfig } from '../src/config/validate';
