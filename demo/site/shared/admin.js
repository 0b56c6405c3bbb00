// The admin token the results service asks for on every read (Authorization: Bearer …).
// `npm start` prints a link ending in #token=…; opening it keeps the token in this browser
// (localStorage) and takes it out of the address bar. Without one, a small form asks for it.
import { h, t2 } from './dom.js';

const KEY = 'cart-upsell:admin-token';

function stored() {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

function keep(token) {
  try {
    localStorage.setItem(KEY, token);
  } catch {
    /* storage blocked: the token lasts for this page only */
  }
  memory = token;
}

let memory = '';

/** The token from #token=… (then removed from the address), else the one kept in this browser. */
export function adminToken() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    keep(decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return memory || stored();
}

function askForToken() {
  if (document.getElementById('admin-token-form')) return;
  const input = h('input', { id: 'admin-token-input', type: 'password', autocomplete: 'off', required: true });
  const form = h(
    'form',
    { id: 'admin-token-form', class: 'card' },
    h('label', { for: 'admin-token-input' }, ...t2('管理トークン（npm start の表示、または ADMIN_TOKEN）', 'Admin token (printed by npm start, or ADMIN_TOKEN)')),
    ' ',
    input,
    ' ',
    h('button', { type: 'submit' }, ...t2('保存して読み込む', 'Save and load')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    keep(input.value.trim());
    location.reload();
  });
  document.querySelector('main h1')?.after(form);
}

/** fetch with the admin token; a 401 shows the token form and fails with a readable message. */
export async function adminFetch(url, init = {}) {
  const res = await fetch(url, { cache: 'no-store', ...init, headers: { ...init.headers, authorization: `Bearer ${adminToken()}` } });
  if (res.status === 401) {
    askForToken();
    throw new Error('管理トークンが必要です / admin token required');
  }
  return res;
}

/** Every stored event matching `query` (GET /events page by page, oldest first). */
export async function allEvents(query = {}) {
  const events = [];
  let after = '';
  do {
    const q = new URLSearchParams({ ...query, limit: '10000', ...(after ? { after } : {}) });
    const res = await adminFetch(`/events?${q}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.json();
    events.push(...(Array.isArray(body.events) ? body.events : []));
    after = body.next ?? '';
  } while (after);
  return events;
}
