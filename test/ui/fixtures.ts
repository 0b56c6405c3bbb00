import type { CartItem } from '../../src/types';
import type { BundlePrompt, CrossSellPrompt, Decision, FreeShippingView, ProductView, UpsellPrompt, VolumePrompt } from '../../src/offers/types';

/** Hand-made decisions for a small Japanese goods shop, in Japanese or English names. */
export function shop(lang: 'ja' | 'en' = 'ja', img = 'https://shop.example.jp/img/') {
  const ja = lang === 'ja';
  const p = (sku: string, nameJa: string, nameEn: string, price: number, image?: string): ProductView => ({
    sku,
    name: ja ? nameJa : nameEn,
    price,
    url: `https://shop.example.jp/products/${sku}`,
    ...(image ? { image: img + image } : {}),
  });
  const tenugui = p('TN-0123', '手ぬぐい 青海波', 'Tenugui towel, Seigaiha', 1320, 'tenugui.svg');
  const tenuguiDx = p('TN-0123-DX', '手ぬぐい 青海波 特選（注染）', 'Tenugui towel, Seigaiha — hand-dyed', 2420, 'tenugui-dx.svg');
  const tenuguiPlus = p('TN-0123-PL', '手ぬぐい 青海波 上質綿', 'Tenugui towel, Seigaiha — fine cotton', 1870, 'tenugui.svg');
  const yunomi = p('YU-02', '湯呑み 白磁', 'Teacup, white porcelain', 4472, 'yunomi.svg');
  const hanger = p('HG-01', '手ぬぐいハンガー', 'Tenugui hanger', 880, 'hanger.svg');
  const hashioki = p('HS-05', '箸置き 5個セット', 'Chopstick rests, set of 5', 440, 'hashioki.svg');
  const kiribako = p('KB-01', '桐箱（ギフト用）', 'Paulownia gift box', 550, 'kiribako.svg');
  const tenugui2 = p('TN-0456', '手ぬぐい 麻の葉', 'Tenugui towel, Asanoha', 1980, 'tenugui-asa.svg');
  const tote = p('TOTE-01', '帆布トートバッグ', 'Canvas tote bag', 1620, 'tote.svg');
  const kyusu = p('KY-01', '急須 常滑焼', 'Teapot, Tokoname ware', 3300, 'kyusu.svg');
  const furoshiki = p('FR-01', '風呂敷 綿 中判', 'Furoshiki wrap, cotton', 2970, 'furoshiki.svg');

  const line = (v: ProductView, quantity: number): CartItem => ({ id: `line-${v.sku}`, sku: v.sku, name: v.name, unitPrice: v.price, quantity, lineTotal: v.price * quantity });
  const base = { variant: null, currency: 'JPY', text: {}, proof: {} };

  const upsell: UpsellPrompt = {
    ...base,
    offerId: 'up-1',
    kind: 'upsell',
    line: line(tenugui, 1),
    from: tenugui,
    to: tenuguiDx,
    quantity: 1,
    difference: 1100,
    value: 1100,
    benefits: ja ? ['職人による注染（ちゅうせん）で、裏まで色が通ります', '綿100%・日本製'] : ['Hand-dyed by craftspeople: the colour goes right through', '100% cotton, made in Japan'],
  };
  const upsellTwo: UpsellPrompt = { ...upsell, line: line(tenugui, 2), quantity: 2, value: 2200 };
  const downsell: UpsellPrompt = {
    ...upsell,
    kind: 'downsell',
    to: tenuguiPlus,
    difference: 550,
    value: 550,
    benefits: ja ? ['厚みのある上質な綿で、使うほど柔らかく'] : ['Thicker cotton that softens with use'],
  };
  const cross: CrossSellPrompt = { ...base, offerId: 'x-1', kind: 'cross-sell', anchor: line(tenugui, 1), items: [hanger, hashioki, kiribako], value: 880 };
  const bundle: BundlePrompt = { ...base, offerId: 'b-1', kind: 'bundle', items: [tenugui2, tote], missing: [tote], setPrice: 3000, partsTotal: 3600, saving: 600, value: 1020 };
  const volume: VolumePrompt = { ...base, offerId: 'v-1', kind: 'volume', itemsToNext: 1, nextPercentOff: 10, currentPercentOff: 0, value: 0, label: ja ? 'まとめ買い割引' : 'Buy more, save more' };
  const bar: FreeShippingView = {
    currency: 'JPY',
    threshold: 10000,
    subtotal: 7112,
    remaining: 2888,
    reached: false,
    progress: 7112 / 15000,
    tiers: [{ amount: 15000, label: ja ? 'ギフト包装無料' : 'free gift wrapping', reached: false, remaining: 7888 }],
    gapFillers: [furoshiki, kyusu],
  };
  const barReached: FreeShippingView = { ...bar, subtotal: 11072, remaining: 0, reached: true, progress: 11072 / 15000, tiers: [{ ...bar.tiers[0], remaining: 3928 }], gapFillers: [] };
  return { products: { tenugui, tenuguiDx, tenuguiPlus, yunomi, hanger, hashioki, kiribako, tenugui2, tote, kyusu, furoshiki }, upsell, upsellTwo, downsell, cross, bundle, volume, bar, barReached };
}

export const decision = (d: Partial<Decision>): Decision => ({ modal: null, panels: [], volume: null, bar: null, holdout: false, ...d });
