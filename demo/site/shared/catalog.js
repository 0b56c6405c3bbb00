// The sample shops' catalogue: yen, tax-included (総額表示), as a Japanese shop lists it.
// `upgradeOf` marks a better (or middle) version of another product: the fake cart replaces that
// line when the shopper accepts an upgrade, as a real cart would.
const img = (name) => `/demo/site/shared/img/${name}.svg`;

export const catalog = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, image: img('tenugui'), category: '手ぬぐい', note: '綿100%・プリント' },
  { sku: 'TN-0123-PLUS', name: '手ぬぐい 青海波 上', price: 1760, image: img('tenugui'), category: '手ぬぐい', note: '厚手の生地', upgradeOf: 'TN-0123', hidden: true },
  { sku: 'TN-0123-DX', name: '手ぬぐい 青海波 特撰', price: 2420, image: img('tenugui-dx'), category: '手ぬぐい', note: '職人の注染・本染め', upgradeOf: 'TN-0123' },
  { sku: 'TN-0456', name: '手ぬぐい 麻の葉', price: 1320, image: img('asanoha'), category: '手ぬぐい', note: '綿100%・プリント' },
  { sku: 'KY-01', name: '急須 白磁', price: 5500, image: img('kyusu'), category: '陶磁器', note: '容量 300ml' },
  { sku: 'KY-01-DX', name: '急須 常滑焼 朱泥', price: 8800, image: img('kyusu-dx'), category: '陶磁器', note: '手作り・茶こし一体', upgradeOf: 'KY-01' },
  { sku: 'YU-02', name: '湯呑み 白磁', price: 2200, image: img('yunomi'), category: '陶磁器', note: '容量 180ml' },
  { sku: 'CH-01', name: '八女煎茶 100g', price: 1080, image: img('sencha'), category: 'お茶', note: '福岡県八女産' },
  { sku: 'CH-02', name: 'ほうじ茶 80g', price: 864, image: img('hojicha'), category: 'お茶', note: '軽減税率 8%' },
  { sku: 'HG-01', name: '箸置き 桜', price: 440, image: img('hashioki'), category: '小物', note: '美濃焼' },
  { sku: 'FU-01', name: '蚊帳ふきん', price: 880, image: img('fukin'), category: '小物', note: '奈良の蚊帳生地' },
];

/** @param {string} sku */
export const findProduct = (sku) => catalog.find((p) => p.sku === sku);

/** ￥1,320 — the way the shops print yen. */
export const yen = (n) => '￥' + Math.round(n).toLocaleString('ja-JP');

/** Text from the catalogue or the shopper, made safe to place in HTML markup. */
export const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
