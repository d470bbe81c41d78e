import fc from 'fast-check';
import { hookInputs } from '/work/main/dist/checks/fuzz/fuzz-arbitraries.js';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';
const inputs = hookInputs('bifrost-v2', 'pre_hook');
const mrng = new fc.Random(xorshift128plus(5));
const t = performance.now(); let n = 0;
while (performance.now() - t < 5000) { for (let i = 0; i < 1000; i++) inputs.generate(mrng, undefined); n += 1000; }
console.log((performance.now() - t) * 1000 / n);
