// The floor for the widget's size: Preact with one component in a shadow root, built with the
// widget's own settings (bench/floor.mjs). Also the baseline for the signals comparison: the
// amount changes by rendering again.
import { render } from 'preact';

function Bar({ amount }: { amount: number }) {
  return <p role="status">あと{amount}円で送料無料</p>;
}

const host = document.createElement('div');
const root = host.attachShadow({ mode: 'open' });
document.body.appendChild(host);
render(<Bar amount={5000} />, root);
/** Shows a new amount: one render of the tree. */
(window as unknown as Record<string, unknown>).floorUpdate = (n: number) => render(<Bar amount={n} />, root);
