import fc from 'fast-check';
import { hookInputs } from '/work/main/dist/checks/fuzz/fuzz-arbitraries.js';
import { generatedDialect } from '/work/main/dist/fuzz/schema-arbitrary.js';
const inputs = hookInputs('bifrost-v2', 'pre_hook');
const padding = 'x'.repeat(600);
const pad = (doc) => { const d = generatedDialect(doc); const r = doc.request; if (d === 'go-default') r.Pad = { pad: padding }; else r.pad = padding; return doc; };
for (let round = 0; round < 3; round++) {
const docs = fc.sample(inputs, { numRuns: 20000, seed: 7 + round }).map(pad);
const docs2 = fc.sample(inputs, { numRuns: 20000, seed: 7 + round }).map(pad);
let t = performance.now(); let L = 0;
const walk = (v) => { if (typeof v === 'string') { L += v.length ? v.charCodeAt(v.length - 1) : 0; return; } if (v && typeof v === 'object') for (const k in v) walk(v[k]); };
for (const d of docs2) walk(d);
console.log('walk+flatten', ((performance.now() - t) * 1000 / docs.length).toFixed(3));
t = performance.now();
for (const d of docs2) L += JSON.stringify(d).length;
console.log('stringify after flatten', ((performance.now() - t) * 1000 / docs.length).toFixed(3));
t = performance.now();
for (const d of docs) L += JSON.stringify(d).length;
console.log('first stringify', ((performance.now() - t) * 1000 / docs.length).toFixed(3));
}
