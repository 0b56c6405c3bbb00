import { Component, createPortal, type ComponentChildren, type FunctionComponent, type VNode } from 'preact';
import type { Decision, Prompt } from '../offers/types';
import type { Config } from '../config/types';
import { keyOf, type Ctx } from './context';
import { errorOnce, t } from '../util/log';
import { UpsellDialog } from './UpsellDialog';
import { CrossSellPanel } from './CrossSellPanel';
import { BundleCard } from './BundleCard';
import { VolumeLine } from './VolumeLine';
import { FreeShippingBar } from './FreeShippingBar';

type Panel = Decision['panels'][number];
/**
 * The card of each kind of panel: a panel kind without its entry does not compile. Only the
 * components of the offer types a tailored build's config uses are in its prompt file.
 */
const PANELS: { [K in Panel['kind']]: FunctionComponent<{ c: Ctx; p: Extract<Panel, { kind: K }> }> | null } = {
  'cross-sell': __CROSS_SELL__ ? CrossSellPanel : null,
  bundle: __BUNDLE__ ? BundleCard : null,
};

export interface AppProps {
  decision: Decision | null;
  /** Prompts the shopper closed, or not drawn yet, that the decision holds (by key; `bar`: the free-shipping bar). */
  hidden: ReadonlySet<string>;
  ctx: Ctx;
  config: Config;
  /** The shadow root inside the merchant's slot element, or null when it is not on the page. */
  slot(selector: string): ShadowRoot | null;
}

/**
 * A rendering error stays inside the widget: logged once, nothing shown, the shop unaffected.
 * The next decision gets a fresh try.
 */
class Boundary extends Component<{ children: ComponentChildren; decision: Decision | null }, { failed?: boolean; d?: Decision | null }> {
  static getDerivedStateFromProps(props: { decision: Decision | null }, state: { d?: Decision | null }) {
    return props.decision !== state.d ? { failed: false, d: props.decision } : null;
  }
  componentDidCatch(err: unknown) {
    errorOnce(t('internal error while showing a prompt; the shop is unaffected.', '表示中の内部エラー（ショップには影響ありません）。'), err);
    this.setState({ failed: true });
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** Renders exactly what the decision says: the modal, the docked cards and bar, and slot content. */
function Screen({ decision, hidden, config, slot, ctx: c }: AppProps) {
  // A holdout visitor sees no offer, but still the bar: it states the shop's own shipping rule.
  const d = decision?.holdout ? { ...decision, modal: null, panels: [], volume: null } : decision;
  const gone = hidden;
  if (!d) return null;
  const shows = (p: Prompt | null | undefined): p is Prompt => !!p && !gone.has(keyOf(p));
  const bottom: VNode[] = [];
  const top: VNode[] = [];
  const slots = new Map<ShadowRoot, VNode[]>();
  const place = (node: VNode, sel?: string, atTop?: boolean) => {
    const root = typeof sel === 'string' && sel ? slot(sel) : null;
    if (root) slots.set(root, [...(slots.get(root) ?? []), node]);
    else (atTop ? top : bottom).push(node);
  };
  for (const p of d.panels ?? []) {
    const Card = PANELS[p.kind] as FunctionComponent<{ c: Ctx; p: Panel }> | null;
    if (Card && shows(p)) place(<Card key={keyOf(p)} c={c} p={p} />, p.slot);
  }
  if (__VOLUME__ && shows(d.volume)) place(<VolumeLine key={keyOf(d.volume)} c={c} p={d.volume} />);
  if (__FREE_SHIPPING__ && d.bar && !gone.has('bar')) place(<FreeShippingBar key="bar" c={c} v={d.bar} />, config.freeShipping?.slot, config.freeShipping?.position === 'top');
  return (
    <>
      {__UPSELL__ && shows(d.modal) && <UpsellDialog key={keyOf(d.modal)} c={c} p={d.modal} />}
      {bottom.length > 0 && (
        <aside class="dock" lang={c.lang} aria-label={c.t('region')}>
          {bottom}
        </aside>
      )}
      {top.length > 0 && (
        <aside class="dock top" lang={c.lang} aria-label={c.t('fs.region')}>
          {top}
        </aside>
      )}
      {[...slots].map(([root, nodes]) => createPortal(<div lang={c.lang}>{nodes}</div>, root as unknown as Element))}
    </>
  );
}

export function App(props: AppProps) {
  return (
    <Boundary decision={props.decision}>
      <Screen {...props} />
    </Boundary>
  );
}
