import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../src/ui/safe-url';

describe('safeUrl', () => {
  it('keeps http and https', () => {
    expect(safeUrl('https://shop.example.jp/a.png')).toBe('https://shop.example.jp/a.png');
    expect(safeUrl('http://shop.example.jp/a')).toBe('http://shop.example.jp/a');
    expect(safeUrl('/img/a.png', 'https://shop.example.jp/cart')).toBe('https://shop.example.jp/img/a.png');
  });
  it('drops script, data and other schemes, and garbage', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'vbscript:x',
      'file:///etc/passwd',
      '',
      '   ',
      42,
      null,
      undefined,
      {},
    ])
      expect(safeUrl(bad as never, 'https://shop.example.jp/'), String(bad)).toBeUndefined();
  });

  it('asked again, answers the same, each relative URL against its own page', () => {
    for (let i = 0; i < 2; i++) {
      expect(safeUrl('/img/a.png', 'https://shop.example.jp/cart')).toBe('https://shop.example.jp/img/a.png');
      expect(safeUrl('/img/a.png', 'https://other.example.jp/cart')).toBe('https://other.example.jp/img/a.png');
      expect(safeUrl('javascript:alert(1)', 'https://shop.example.jp/')).toBeUndefined();
    }
  });
});
