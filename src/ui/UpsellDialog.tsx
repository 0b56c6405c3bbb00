import { Component, createRef } from 'preact';
import type { UpsellPrompt } from '../offers/types';
import { idOf, keyOf, runAccept, type Ctx } from './context';
import { fill, fillText } from './strings';
import { Alert, Close, Img, ProofLines } from './parts';

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
  timer?: ReturnType<typeof setTimeout>;
  warm?: HTMLElement;

  componentDidMount() {
    // showModal() lays the dialog out synchronously, and the first layout of Japanese text costs
    // font set-up plus shaping: ~80 ms in one task at 4× CPU (measured). Done in three tasks
    // instead — a few glyphs in each of our font styles, then the dialog laid out while still
    // hidden, then showModal() — after the frame that drew whatever else this update brought.
    const d = this.ref.current!;
    const win = d.ownerDocument.defaultView;
    const warm = (this.warm = d.ownerDocument.createElement('div'));
    warm.className = 'w';
    warm.lang = this.props.c.lang;
    warm.setAttribute('aria-hidden', 'true');
    for (const c of ['', 'm', 'n', 'd', 'x']) {
      const e = warm.appendChild(d.ownerDocument.createElement('p'));
      e.className = c;
      e.textContent = 'あア字1￥×';
    }
    const steps = [
      () => {
        // At the end of the shadow root, not beside the dialog: Preact places its nodes relative
        // to their siblings, and a foreign sibling in the middle could misplace them.
        const root = d.getRootNode() as ParentNode;
        ('host' in root ? root : d.ownerDocument.body).append(warm);
        void warm.offsetHeight;
      },
      () => {
        warm.remove();
        d.classList.add('w');
        void d.offsetHeight;
      },
      () => {
        d.classList.remove('w');
        if (this.over || !d.isConnected) return;
        this.back = deepActive(d.ownerDocument);
        try {
          d.showModal();
        } catch {
          d.setAttribute('open', '');
        }
        this.props.c.opened?.(this.props.p);
      },
    ];
    const next = () => {
      if (this.over) return;
      steps.shift()?.();
      if (steps.length) this.timer = setTimeout(next);
    };
    if (win?.requestAnimationFrame) win.requestAnimationFrame(() => (this.timer = setTimeout(next)));
    else while (steps.length) steps.shift()!();
  }

  componentWillUnmount() {
    const d = this.ref.current!;
    clearTimeout(this.timer);
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
            {p.benefits.map((b, i) => <li key={i}>{b}</li>)}
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
