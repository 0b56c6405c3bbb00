import { describe, expect, it } from 'vitest';
import { fill, fillText, messages, textFor } from '../../src/ui/strings';

describe('strings', () => {
  it('has the same message ids in Japanese and English, none empty by accident', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.ja).sort());
    const optional = ['cross-sell.body', 'bundle.body', 'volume.title'];
    for (const [id, s] of Object.entries(messages.ja)) if (!optional.includes(id)) expect(s, id).not.toBe('');
  });
  it('defaults to Japanese and switches to English with locale', () => {
    expect(textFor({})('fs.reached')).toBe('送料無料の対象です');
    expect(textFor({ locale: 'en' })('fs.reached')).toBe("You've got free shipping");
  });
  it('lets config.text override any message id, and freeShipping.text the bar', () => {
    const t = textFor({ text: { close: '×閉じる', 'upsell.accept': 'アップグレード' }, freeShipping: { threshold: 1, text: { remaining: '送料無料まで{amount}' } } });
    expect(t('close')).toBe('×閉じる');
    expect(t('upsell.accept')).toBe('アップグレード');
    expect(t('fs.remaining')).toBe('送料無料まで{amount}');
    expect(t('upsell.decline')).toBe('このままにする');
  });
  it('lets an offer override its own title/body/accept/decline/dismiss over the global text', () => {
    const t = textFor({ text: { 'upsell.title': 'global' } });
    const offer = { title: '期間限定アップグレード特典', dismiss: 'あとで' };
    expect(t('upsell.title', offer)).toBe('期間限定アップグレード特典');
    expect(t('upsell.title')).toBe('global');
    expect(t('close', offer)).toBe('あとで');
    expect(t('upsell.accept', offer)).toBe('変更する');
    // Fields that are not the offer's own copy are not taken from it.
    expect(t('bundle.price', { title: 'x' } as never)).toBe('セット価格');
  });
  it('ignores non-string overrides', () => {
    expect(textFor({ text: { close: 42 as never } })('close')).toBe('閉じる');
  });
  it('fills placeholders, leaving unknown ones empty', () => {
    expect(fillText('あと{amount}で送料無料', { amount: '￥2,888' })).toBe('あと￥2,888で送料無料');
    expect(fillText('{a}-{missing}-{a}', { a: 1 })).toBe('1--1');
    expect(fill('{x}', { x: '<b>' })).toEqual(['', '<b>', '']);
  });
  it("leaves names an object inherits empty: a merchant's {constructor} or {toString} prints nothing", () => {
    expect(fillText('a{constructor}b{toString}c{__proto__}d', { amount: '￥1' })).toBe('abcd');
    expect(fillText('{hasOwnProperty}{amount}', { amount: '￥1' })).toBe('￥1');
  });
  it('cuts a template exactly where a split on /\\{(\\w+)\\}/ would, braces that are not placeholders left as they are', () => {
    const vars = { a: 'A', b_2: 'B', 名前: 'N' };
    const templates = ['', 'no placeholder', '{a}', '{a}{b_2}', 'x{a}y{b_2}z', '{}', '{ a }', '{a', 'a}', '}{a}{', '{{a}}', '{a{b_2}', '{名前}', '{a-b}', '{a}}', '{A}', '{9}', '{@}', '{[}', '{`}'];
    for (const tpl of templates) {
      const expected = tpl.split(/\{(\w+)\}/).map((part, i) => (i % 2 ? ((vars as Record<string, string>)[part] ?? '') : part));
      expect(fill(tpl, vars), tpl).toEqual(expected);
    }
  });
});
