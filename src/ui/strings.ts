import type { ComponentChild } from 'preact';
import type { Config, OfferText } from '../config/types';

/**
 * Every visible or spoken string, by message id. A merchant overrides any of them globally with
 * `config.text["<id>"]`, and per offer with the offer's `text` (title / body / accept / decline /
 * dismiss). `{name}` placeholders are filled in; the result is always rendered as text.
 * Copy is short and says what happens — no invented urgency (seed 001: 簡潔に、一回だけ).
 */
const ja = {
  close: '閉じる',
  region: 'お買い物のご案内',
  'fs.region': '送料無料までの金額',
  error: '追加できませんでした。時間をおいてもう一度お試しください。',
  'fs.remaining': 'あと{amount}で送料無料',
  'fs.reached': '送料無料の対象です',
  'fs.tier': 'あと{amount}で{label}',
  'fs.tierReached': '{label}の対象です',
  'fs.fillers': 'これを足すと送料無料',
  'fs.add': '{name}を追加',
  'upsell.title': '{to}にしませんか？',
  'upsell.body': 'カートの{from}を{to}に変更します。',
  'upsell.accept': '変更する',
  'upsell.decline': 'このままにする',
  'downsell.title': '{to}はいかがですか？',
  'downsell.body': 'カートの{from}を{to}に変更します。',
  'downsell.accept': '変更する',
  'downsell.decline': 'このままにする',
  'price.each': '1点あたり',
  'price.taxIn': '（税込）',
  'price.diff': '差額',
  'proof.asOf': '（{date}時点）',
  'price.total': '合計 {amount}（{count}点）',
  'cross-sell.title': '{anchor}と一緒にどうぞ',
  'cross-sell.body': '',
  'cross-sell.accept': '追加',
  'cross-sell.label': '{name}を{accept}',
  'cross-sell.added': '追加しました',
  'bundle.title': 'セットでお得',
  'bundle.body': '',
  'bundle.accept': 'セットにする',
  'bundle.price': 'セット価格',
  'bundle.regular': '通常',
  'bundle.inCart': 'カートに入っています',
  'bundle.saving': '{amount}お得',
  'volume.title': '',
  'volume.next': 'あと{count}点で{percent}%オフ',
  'volume.current': '{percent}%オフ適用中',
  'volume.reached': '{percent}%オフの対象です',
  'volume.accept': 'クーポンを適用する',
  'proof.ends': '終了まで{time}',
  'proof.stock': '残り{count}点',
  'proof.source': '出典：{source}',
  'time.d': '{n}日',
  'time.h': '{n}時間',
  'time.m': '{n}分',
};

const en: typeof ja = {
  close: 'Close',
  region: 'Shopping suggestions',
  'fs.region': 'Free shipping progress',
  error: "Couldn't add it to your cart. Please try again in a moment.",
  'fs.remaining': '{amount} away from free shipping',
  'fs.reached': "You've got free shipping",
  'fs.tier': '{amount} away from {label}',
  'fs.tierReached': "You've unlocked {label}",
  'fs.fillers': 'Add one for free shipping',
  'fs.add': 'Add {name}',
  'upsell.title': 'Upgrade to {to}?',
  'upsell.body': 'Replaces {from} in your cart with {to}.',
  'upsell.accept': 'Upgrade',
  'upsell.decline': 'Keep mine',
  'downsell.title': 'How about {to}?',
  'downsell.body': 'Replaces {from} in your cart with {to}.',
  'downsell.accept': 'Switch',
  'downsell.decline': 'Keep mine',
  'price.each': 'each',
  'price.taxIn': ' incl. tax',
  'price.diff': 'Difference',
  'proof.asOf': ' (as of {date})',
  'price.total': '{amount} for {count}',
  'cross-sell.title': 'Goes well with {anchor}',
  'cross-sell.body': '',
  'cross-sell.accept': 'Add',
  'cross-sell.label': '{accept} {name}',
  'cross-sell.added': 'Added',
  'bundle.title': 'Save with the set',
  'bundle.body': '',
  'bundle.accept': 'Get the set',
  'bundle.price': 'Set price',
  'bundle.regular': 'Regular price',
  'bundle.inCart': 'In your cart',
  'bundle.saving': 'Save {amount}',
  'volume.title': '',
  'volume.next': 'Add {count} more for {percent}% off',
  'volume.current': '{percent}% off applied',
  'volume.reached': 'Your cart qualifies for {percent}% off',
  'volume.accept': 'Apply the discount',
  'proof.ends': 'Ends in {time}',
  'proof.stock': '{count} left',
  'proof.source': 'Source: {source}',
  'time.d': '{n}d',
  'time.h': '{n}h',
  'time.m': '{n}m',
};

/** Both languages' copy as two objects, so a tailored build for one language carries only that one. */
export const messages = { ja, en };

export type MessageId = keyof (typeof messages)['ja'];
export type Vars = Record<string, ComponentChild>;

/** A placeholder's name: letters, digits and `_` (what `\w` matches). */
const isName = (s: string): boolean => !!s && [...s].every((ch) => ch === '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));

/**
 * Fills `{name}` placeholders; values may be elements (an amount in <strong>). Cut by hand, not
 * split by a regular expression: on a shop's first page that split was 7 % of the bar's first
 * drawing at 4× CPU (its first five calls: 5.3 ms against 2.4 ms cut by hand).
 */
export function fill(template: string, vars: Vars = {}): ComponentChild[] {
  const [first, ...rest] = template.split('{');
  const out: ComponentChild[] = [first];
  for (const piece of rest) {
    const end = piece.indexOf('}');
    const name = piece.slice(0, end);
    // Only the values given: a merchant's `{constructor}` must not print Object's source.
    if (end > 0 && isName(name)) out.push((Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : null) ?? '', piece.slice(end + 1));
    else out[out.length - 1] += `{${piece}`;
  }
  return out;
}

/** The same, as one string (for accessible names). */
export const fillText = (template: string, vars: Vars = {}): string => fill(template, vars).join('');

export type Text = (id: MessageId, offer?: OfferText) => string;

/**
 * The message lookup for one config: per-offer text (for the prompt's own field) over
 * `config.text` over the built-in locale strings.
 */
export function textFor(config: Config): Text {
  // A tailored build knows its language: the other one's copy is dropped from the file.
  const base: Record<string, string> = (__LOCALE__ ? __LOCALE__ === 'en' : config.locale === 'en') ? en : ja;
  const fs = config.freeShipping?.text;
  const global: Record<string, unknown> = { 'fs.remaining': fs?.remaining, 'fs.reached': fs?.reached, ...config.text };
  return (id, offer) => {
    const field = id.slice(id.indexOf('.') + 1) as keyof OfferText;
    const own = offer && (id === 'close' ? offer.dismiss : id.includes('.') ? offer[field] : undefined);
    const v = [own, global[id], base[id]].find((s) => typeof s === 'string');
    return (v as string | undefined) ?? '';
  };
}
