import { describe, expect, it, vi } from 'vitest';
import { interceptCheckout } from '../../src/runtime/checkout';

function shop() {
  document.body.innerHTML = `
    <form id="cart" action="/checkout" onsubmit="return false">
      <button type="submit" name="checkout">ご購入手続きへ</button>
    </form>
    <a class="other" href="#top">トップへ</a>`;
  const button = document.querySelector('button')!;
  const shopHandler = vi.fn();
  button.addEventListener('click', shopHandler);
  return { button, shopHandler };
}

describe('interceptCheckout', () => {
  it('holds the first checkout click while a prompt is shown, then continues that click', () => {
    const { button, shopHandler } = shop();
    let resume: () => void = () => {};
    const stop = interceptCheckout(document, undefined, (r) => {
      resume = r;
      return true;
    });
    button.click();
    expect(shopHandler).not.toHaveBeenCalled();
    resume();
    expect(shopHandler).toHaveBeenCalledTimes(1);
    stop();
  });

  it('lets the click through when no prompt is due', () => {
    const { button, shopHandler } = shop();
    const ask = vi.fn(() => false);
    const stop = interceptCheckout(document, undefined, ask);
    button.click();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(shopHandler).toHaveBeenCalledTimes(1);
    stop();
  });

  it('asks only once per page: the second checkout click always goes through', () => {
    const { button, shopHandler } = shop();
    const ask = vi.fn(() => true);
    const stop = interceptCheckout(document, undefined, ask);
    button.click();
    button.click();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(shopHandler).toHaveBeenCalledTimes(1);
    stop();
  });

  it('ignores clicks elsewhere and honours a merchant selector', () => {
    document.body.innerHTML = `<a class="other" href="#x">他</a><span class="my-checkout" role="button">購入</span>`;
    const ask = vi.fn(() => false);
    const stop = interceptCheckout(document, '.my-checkout', ask);
    document.querySelector<HTMLElement>('.other')!.click();
    expect(ask).not.toHaveBeenCalled();
    document.querySelector<HTMLElement>('.my-checkout')!.click();
    expect(ask).toHaveBeenCalledTimes(1);
    stop();
  });

  it('removes its listener on stop', () => {
    const { button, shopHandler } = shop();
    const ask = vi.fn(() => true);
    interceptCheckout(document, undefined, ask)();
    button.click();
    expect(ask).not.toHaveBeenCalled();
    expect(shopHandler).toHaveBeenCalledTimes(1);
  });
});
