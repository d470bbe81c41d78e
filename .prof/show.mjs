import fc from 'fast-check';
import { hookInputs } from '/work/main/dist/checks/fuzz/fuzz-arbitraries.js';
const inputs = hookInputs('bifrost-v2', 'pre_hook');
const docs = fc.sample(inputs, { numRuns: 2000, seed: 3 });
for (const d of docs.slice(0, 4)) console.log(JSON.stringify(d));
let strings = 0, objects = 0, arrays = 0, nums = 0;
const walk = (v) => { if (typeof v === 'string') strings++; else if (typeof v === 'number') nums++; else if (Array.isArray(v)) { arrays++; v.forEach(walk); } else if (v && typeof v === 'object') { objects++; for (const k in v) walk(v[k]); } };
docs.forEach(walk);
console.log({ strings: strings / 2000, objects: objects / 2000, arrays: arrays / 2000, nums: nums / 2000, len: docs.reduce((s, d) => s + JSON.stringify(d).length, 0) / 2000 });
