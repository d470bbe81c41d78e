import { generateText } from '/work/main/dist/fuzz/text-generator.js';
import { seededRandom } from '/work/main/dist/host/seeded-random.js';
const rng = seededRandom(5); const N = 2e6;
let L = 0;
for (let r = 0; r < 3; r++) { const t = performance.now(); for (let i = 0; i < N; i++) L += generateText(rng, 0, 24).length; console.log('generateText', ((performance.now() - t) * 1e6 / N).toFixed(1), 'ns'); }
{ const t = performance.now(); for (let i = 0; i < N; i++) L += rng(); console.log('rng', ((performance.now() - t) * 1e6 / N).toFixed(1), 'ns'); }
