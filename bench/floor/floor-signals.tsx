// The same component with @preact/signals: the amount is a signal, so a change updates the text
// node without rendering the component again (bench/floor.mjs compares bytes and update time).
import { render } from 'preact';
import { signal } from '@preact/signals';

const amount = signal(5000);

function Bar() {
  return <p role="status">あと{amount}円で送料無料</p>;
}

const host = document.createElement('div');
const root = host.attachShadow({ mode: 'open' });
document.body.appendChild(host);
render(<Bar />, root);
/** Shows a new amount: the signal's text node only. */
(window as unknown as Record<string, unknown>).floorUpdate = (n: number) => {
  amount.value = n;
};
