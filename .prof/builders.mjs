const Orig = Function;
globalThis.Function = function (...a) { console.log('BODY', a[a.length - 1].slice(0, 900)); return Orig(...a); };
const { hookInputs } = await import('/work/main/dist/checks/fuzz/fuzz-arbitraries.js');
hookInputs('bifrost-v2', 'pre_hook');
