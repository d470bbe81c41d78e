import fc from 'fast-check';
import { hookInputs } from '/work/main/dist/checks/fuzz/fuzz-arbitraries.js';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';const prand={xorshift128plus};
const inputs = hookInputs('bifrost-v2', 'pre_hook');
const N = 20000;
const time = (name, f) => { let best = 1e9; for (let r = 0; r < 5; r++) { const t = performance.now(); f(); best = Math.min(best, (performance.now() - t) * 1000 / N); } console.log(name.padEnd(28), best.toFixed(3), 'us'); return best; };
time('fc.sample', () => fc.sample(inputs, { numRuns: N, seed: 3 }));
const mrng = new fc.Random(prand.xorshift128plus(5));
time('direct generate', () => { for (let i = 0; i < N; i++) inputs.generate(mrng, undefined); });


time('fc.check noop', () => { for (let i = 0; i < N / 50; i++) fc.check(fc.property(fc.constant(1), () => true), { numRuns: 50, seed: i }); });
time('fc.check gen only', () => { for (let i = 0; i < N / 50; i++) fc.check(fc.property(inputs, () => true), { numRuns: 50, seed: i }); });
const prop = fc.property(inputs, () => true);
time('fc.check gen only, 1 prop', () => { for (let i = 0; i < N / 50; i++) fc.check(prop, { numRuns: 50, seed: i }); });
