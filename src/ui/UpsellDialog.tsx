import { Component, createRef } from 'preact';
import type { UpsellPrompt } from '../offers/types';
import { idOf, keyOf, runAccept, type Ctx } from './context';
import { fill, fillText } from './strings';
import { Alert, Close, Img, ProofLines } from './parts';
import { whenIdle } from '../util/tasks';
import { readBoxes } from './boxes';

/** The element that has focus, looking inside shadow roots (the shop's or ours). */
function deepActive(doc: Document): HTMLElement | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
}

interface Props {
  c: Ctx;
  p: UpsellPrompt;
}

/**
 * Upsell / downsell: a native modal <dialog> (focus moves in, Esc closes and counts as a
 * dismissal, focus goes back where it was). Shows what changes and what it costs, per item and
 * in total, and the merchant's benefit lines.
 */
export class UpsellDialog extends Component<Props> {
  ref = createRef<HTMLDialogElement>();
  /** Answered (or unmounted): later close events are ours, not the shopper's. */
  over = false;
  back: HTMLElement | null = null;
  timer?: () => void;
  warm?: HTMLElement;

  componentDidMount() {
    // showModal() lays the dialog out in the task that calls it, and the first layout of Japanese
    // text costs font set-up plus shaping: ~100 ms in one task at 4× CPU (measured). So copies of
    // the dialog's parts are first laid out one by one, hidden, each by a frame's rendering step —
    // never by our own task — (shaped text is cached); then showModal() lays out text already
    // shaped. The dialog itself is never laid out hidden — only what is shown is. All after the
    // frame that drew whatever else this update brought.
    const d = this.ref.current!;
    const doc = d.ownerDocument;
    const warm = (this.warm = doc.createElement('div'));
    warm.className = 'w';
    warm.lang = this.props.c.lang;
    warm.setAttribute('aria-hidden', 'true');
    const parts = [...d.children];
    const open = () => {
      warm.remove();
      if (this.over || !d.isConnected) return;
      this.back = deepActive(doc);
      try {
        d.showModal();
      } catch {
        d.setAttribute('open', '');
      }
      this.props.c.opened?.(this.props.p);
    };
    const next = () => {
      if (this.over) return;
      const part = parts.shift();
      if (!part) return open();
      const copy = part.cloneNode(true) as Element;
      for (const e of [copy, ...copy.querySelectorAll('[id]')]) e.removeAttribute('id');
      // At the end of the shadow root, not beside the dialog: Preact places its nodes relative
      // to their siblings, and a foreign sibling in the middle could misplace them.
      const root = d.getRootNode() as ParentNode;
      ('host' in root ? root : doc.body).append(warm);
      warm.replaceChildren(copy);
      step();
    };
    const step = () => (this.timer = readBoxes([warm.isConnected ? warm : d], () => (this.timer = whenIdle(next, 50))));
    if (typeof IntersectionObserver == 'function') step();
    else open();
  }

  componentWillUnmount() {
    const d = this.ref.current!;
    this.timer?.();
    this.warm?.remove();
    this.over = true;
    if (d.open) d.close();
    const back = this.back;
    if (back?.isConnected && deepActive(d.ownerDocument) !== back) back.focus({ preventScroll: true });
  }

  leave(how: 'decline' | 'dismiss') {
    const { c, p } = this.props;
    if (this.over || c.st(keyOf(p)).busy) return;
    this.over = true;
    c.leave(p, how);
  }

  async accept() {
    const { c, p } = this.props;
    if (await runAccept(c, keyOf(p), () => c.accept(p))) {
      this.over = true;
      c.done(p);
    }
  }

  render({ c, p }: Props) {
    const { t } = c;
    const k = p.kind;
    const { busy, error } = c.st(keyOf(p));
    const id = idOf(p);
    const names = { from: p.from.name, to: p.to.name };
    const money = (n: number) => c.money(n, p.currency);
    const body = t(`${k}.body`, p.text);
    return (
      // Esc (or any close we did not start) is a dismissal; "cancel" during a pending accept is held.
      <dialog ref={this.ref} lang={c.lang} aria-labelledby={id} onCancel={(e) => busy && e.preventDefault()} onClose={() => this.leave('dismiss')}>
        <Close c={c} p={p} onClick={() => this.leave('dismiss')} />
        <h2 id={id}>{fill(t(`${k}.title`, p.text), names)}</h2>
        <div class="row sw">
          <Img p={p.to} size={96} />
          <div class="f">
            <p class="n">{p.to.name}</p>
            <p class="m">
              {p.from.name} → {p.to.name}
            </p>
            <p>
              <span class="pr">{c.price(p.to.price, p.currency)}</span>
            </p>
            <p>
              <span class="m">{t('price.diff')} </span>
              <span class="d">+{money(p.difference)}</span>
              {p.quantity > 1 && <span class="m"> {t('price.each')}</span>}
            </p>
            {p.quantity > 1 && <p class="m">{fillText(t('price.total'), { amount: `+${money(p.difference * p.quantity)}`, count: p.quantity })}</p>}
          </div>
        </div>
        {body && <p>{fill(body, names)}</p>}
        {p.benefits?.length > 0 && (
          <ul class="bl">
            {p.benefits.map((b, i) => (
              <li key={i}>{b}</li>
            ))}
          </ul>
        )}
        <ProofLines c={c} proof={p.proof} />
        <Alert text={error} />
        <div class="acts">
          <button class="b" data-action="decline" aria-disabled={busy ? 'true' : undefined} onClick={() => this.leave('decline')}>
            {t(`${k}.decline`, p.text)}
          </button>
          <button class="p" data-action="accept" aria-disabled={busy ? 'true' : undefined} onClick={() => this.accept()}>
            {t(`${k}.accept`, p.text)}
          </button>
        </div>
      </dialog>
    );
  }
}
