import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await b.newContext(); const p = await ctx.newPage();
await p.goto('http://127.0.0.1:23001/demo/site/configurator/'); await p.waitForTimeout(3000);
const r = await new AxeBuilder({ page: p }).analyze();
console.log(JSON.stringify(r.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' ')).slice(0,4)])));
await b.close();
