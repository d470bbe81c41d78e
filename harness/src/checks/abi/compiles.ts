/**
 * `abi.compiles`: the engine accepts the module. A module can be well-formed section by section
 * (plugcheck reads its imports and exports) and still fail validation in a function body.
 */
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { ALL_PROFILE_IDS } from '../../profiles/profile.js';

export default defineCheck({
  id: 'abi.compiles',
  title: 'The module validates and compiles',
  specRef: 'WebAssembly core spec §3 (validation); seed 001 §Troubleshooting "failed to instantiate WASM module"',
  appliesTo: ALL_PROFILE_IDS,
  run(ctx) {
    const started = performance.now();
    const compiled = ctx.compiled();
    if (!compiled.ok) {
      return fail(`the module does not compile: ${compiled.error}`, {
        engineError: compiled.error,
        fix: 'rebuild the plugin; run `wasm-validate` (wabt) on it to see the offending function',
      });
    }
    return pass(`compiled ${ctx.module.byteLength} bytes in ${(performance.now() - started).toFixed(1)} ms`);
  },
});
