// Horizontal bar charts drawn as inline SVG (no chart library): one bar per row, an optional
// interval whisker, the value printed at the end. The chart is an image with a text summary;
// the same figures are in a table beside it for screen readers and copying.
const NS = 'http://www.w3.org/2000/svg';
const el = (name, attrs = {}, text) => {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
};

/**
 * @param {{ bars: {label: string, value: number, low?: number, high?: number, color?: string}[],
 *   max?: number, format: (n: number) => string, title: string, width?: number }} opts
 */
export function barChart({ bars, max, format, title, width = 560 }) {
  const row = 30;
  const labelW = 170;
  const valueW = 90;
  const plotW = width - labelW - valueW;
  const top = Math.max(max ?? 0, ...bars.map((b) => Math.max(b.value, b.high ?? 0)), 1e-9);
  const h = bars.length * row + 8;
  const svg = el('svg', { viewBox: `0 0 ${width} ${h}`, width: '100%', role: 'img', 'aria-label': `${title}: ${bars.map((b) => `${b.label} ${format(b.value)}`).join(', ')}` });
  svg.style.maxWidth = `${width}px`;
  bars.forEach((b, i) => {
    const y = 4 + i * row;
    const x = (v) => labelW + (Math.max(0, v) / top) * plotW;
    svg.append(el('text', { x: labelW - 8, y: y + 19, 'text-anchor': 'end', 'font-size': 12, fill: '#1d2733' }, b.label.length > 24 ? b.label.slice(0, 23) + '…' : b.label));
    svg.append(el('rect', { x: labelW, y: y + 5, width: Math.max(1, x(b.value) - labelW), height: row - 12, rx: 3, fill: b.color ?? '#2f5d8a' }));
    if (b.low !== undefined && b.high !== undefined) {
      const cy = y + row / 2 - 1;
      svg.append(el('line', { x1: x(b.low), x2: x(b.high), y1: cy, y2: cy, stroke: '#e0a32e', 'stroke-width': 2 }));
      for (const v of [b.low, b.high]) svg.append(el('line', { x1: x(v), x2: x(v), y1: cy - 6, y2: cy + 6, stroke: '#e0a32e', 'stroke-width': 2 }));
    }
    svg.append(el('text', { x: width - valueW + 6, y: y + 19, 'font-size': 12, fill: '#1d2733' }, format(b.value)));
  });
  return svg;
}
