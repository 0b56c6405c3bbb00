#!/usr/bin/env node
// `npx cart-upsell build --config shop.json --out dir/`: the shop's own script, checked and tailored.
// Messages are in Japanese when the config's locale is "ja" (the default), in English otherwise.
// Exit codes: 0 built, 1 the config has errors (nothing written), 2 wrong usage or unreadable file.
import { buildShop, readConfigFile } from '../lib/build.mjs';

const HELP = `Usage: cart-upsell build --config <shop.json> --out <dir>

Checks the config and writes <dir>/cart-upsell.js (your config inlined; it starts by itself)
and <dir>/cart-upsell-ui.js (the prompts, loaded from beside it only when one is shown).
Only the code your config uses is in them: its platform, its offer types, its triggers, its
language. Put both files on your site and add one tag:

  <script src="https://your-shop.example/cart-upsell.js" async></script>

Build again after every change of the config.

使い方: cart-upsell build --config <shop.json> --out <フォルダ>
設定を確認し、<フォルダ> に cart-upsell.js（設定を埋め込み済み・自動で起動）と
cart-upsell-ui.js（表示するときだけ読み込まれる）を書き出します。設定を変えたら再ビルドしてください。`;

function parse(argv) {
  const args = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--config' || a === '--out') args[a.slice(2)] = argv[++i];
    else if (a.startsWith('--config=') || a.startsWith('--out=')) args[a.slice(2, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else if (a.startsWith('-')) args.unknown = a;
    else args._.push(a);
  }
  return args;
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

async function main() {
  const args = parse(process.argv.slice(2));
  if (args.help || args._[0] === 'help') return (console.log(HELP), 0);
  if (args._[0] !== 'build' || args.unknown || !args.config || !args.out) {
    console.error(`${args.unknown ? `unknown option ${args.unknown}\n` : ''}${HELP}`);
    return 2;
  }
  let config;
  try {
    config = readConfigFile(args.config);
  } catch (err) {
    console.error(err.message);
    return 2;
  }
  const ja = config?.locale !== 'en';
  const list = (issues) => issues.map((i) => `  • ${i.path}: ${i.message}`).join('\n');
  const r = await buildShop({ config, outDir: args.out });
  if (r.warnings.length) console.warn(`${ja ? `${args.config} に無視した項目があります（${r.warnings.length} 件）:` : `${args.config}: ${r.warnings.length} field(s) ignored:`}\n${list(r.warnings)}`);
  if (!r.ok) {
    console.error(`${ja ? `${args.config} に問題が ${r.errors.length} 件あるため、ビルドしませんでした:` : `${args.config} has ${r.errors.length} problem(s); nothing was built:`}\n${list(r.errors)}`);
    return 1;
  }
  for (const f of r.files) console.log(`${args.out.replace(/\/?$/, '/')}${f.name}  ${kb(f.bytes)}, ${kb(f.gzip)} gzip`);
  console.log(ja ? '完了しました。2 つのファイルを同じ場所に置いてください。' : 'Done. Put both files in the same place.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err?.stack ?? String(err));
    process.exit(2);
  },
);
