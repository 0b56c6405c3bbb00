// Everything the page needs only once there is something to show or to do: the Preact prompts,
// the platform cart actions, and the order event of the order-complete page. The script-tag build
// ships it as a second file, cart-upsell-ui.js, fetched when a decision first has content (see
// src/runtime/ui-loader.*.ts).
export { createUI } from './ui/mount';
export { createSheet } from './ui/styles';
export { renderPreview } from './ui/preview';
export { performAccept, platformFor, prepareAccept, unchargeable } from './actions';
export { checkDrift } from './ui/drift';
export { mispriced } from './actions/prices';
export { sendOrder } from './events/order';
