// EC-CUBE 4 default theme (EC-CUBE/ec-cube src/Eccube/Resource/template/default/Cart/index.twig).
import type { Platform } from './types';
import { fromHref, has, path } from './dom';

export const eccube = {
  name: 'EC-CUBE',
  layouts: [
    {
      scope: '.ec-cartRole',
      selectors: {
        item: '.ec-cartRole .ec-cartRow',
        name: '.ec-cartRow__name a || .ec-cartRow__name',
        price: '.ec-cartRow__unitPrice',
        quantity: '.ec-cartRow__amount || .ec-cartRow__amountSP',
        lineTotal: '.ec-cartRow__subtotalColumn || .ec-cartRow__sutbtotal',
        // 合計 of the goods in one cart (tax included); core EC-CUBE has no coupons, shipping comes later.
        subtotal: '.ec-cartRole__totalAmount',
      },
      id: (el) => fromHref(el, 'a[href*="/cart/"]', /\/cart\/(?:remove|delete|up|down)\/(\d+)/),
      sumSubtotals: true,
    },
  ],
  // default_frame.twig prints the CSRF meta on every page; the theme's layout roots are `ec-layoutRole`.
  detect: (doc) => has(doc, 'meta[name="eccube-csrf-token"], .ec-layoutRole, .ec-cartRole'),
  // ProductController::addCart and CartController's up/down/remove routes.
  cartRequests: /\/products\/add_cart\/\d|\/cart\/(?:up|down|remove)\/\d/,
  checkout: '.ec-cartRole__actions .ec-blockBtn--action',
  // Shopping/complete.twig, route `shopping_complete` (/shopping/complete).
  orderComplete: (doc) => /\/shopping\/complete\/?$/.test(path(doc)) || has(doc, '#page_shopping_complete'),
  actions: 'cart-api',
} satisfies Platform;
