import fc from 'fast-check';
import { hookInputs } from '/work/main/dist/checks/fuzz/fuzz-arbitraries.js';
import { bifrostV2 } from '/work/main/dist/profiles/bifrost-v2/index.js';
import { checkedHookCall } from '/work/main/dist/fuzz/checked-hook-call.js';
import { generatedDialect } from '/work/main/dist/fuzz/schema-arbitrary.js';
import { benchCaller } from '/work/main/dist/bench/bench-caller.js';
const { caller } = await benchCaller();
const hook = bifrostV2.hooks.find((h) => h.name === 'pre_hook');
const inputs = hookInputs('bifrost-v2', 'pre_hook');
const padding = 'x'.repeat(600);
const prop = fc.property(inputs, (doc) => {
  const d = generatedDialect(doc);
  const r = doc.request; if (d === 'go-default') r.Pad = { pad: padding }; else r.pad = padding;
  const a = checkedHookCall(caller, 'bifrost-v2', hook, 'pre_hook', [doc], d, 'x');
  if (a.output.kind !== 'checked' || !a.output.verdict.ok) throw new Error('bad');
  return true;
});
let seed = 1; const t0 = performance.now(); let n = 0;
while (performance.now() - t0 < 8000) { fc.check(prop, { seed: seed++, numRuns: 50 }); n += 50; }
console.log((performance.now() - t0) * 1000 / n, 'us/case');
