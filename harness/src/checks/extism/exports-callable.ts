/**
 * `lifecycle.exports-callable`: every function the plugin exports for its host is shaped the way an
 * Extism host calls it, `() -> i32` (or `() -> ()`, read as rc 0): the input and output travel
 * through the kernel, never as arguments. Exports the run does not call are listed with the input
 * that would exercise them, so an unknown plugin is described, not failed for lack of inputs.
 */
import { callableExports, isCallableShape } from '../../profiles/extism/entry-exports.js';
import { exercisedExports, inputNeeded } from '../../profiles/extism/exercise-plan.js';
import { EXTISM_SPEC } from '../../profiles/extism/extism-profile.js';
import { fail, pass } from '../../report/check-result.js';
import { formatSignature } from '../../wasm/index.js';
import { defineCheck } from '../check-definition.js';

export default defineCheck({
  id: 'lifecycle.exports-callable',
  title: 'Every exported function is callable by an Extism host: () -> i32',
  specRef: `seed-systems §5.2 ("all exports are () -> i32 via //go:wasmexport"); ${EXTISM_SPEC}`,
  appliesTo: ['extism', 'extism-datasource'],
  dependsOn: ['abi.compiles'],
  run(ctx) {
    const exports = callableExports(ctx.module);
    const mistyped = exports
      .filter((e) => !isCallableShape(e.signature))
      .map((e) => ({ export: e.name, received: e.signature === undefined ? 'unknown' : formatSignature(e.signature), expected: '() -> i32' }));
    if (mistyped.length > 0) {
      return fail(
        `${mistyped.map((m) => `\`${m.export}\` is ${m.received}`).join('; ')}; an Extism host calls exports with no arguments and reads an i32 return code`,
        {
          mistyped,
          fix: 'declare each export as () -> i32: read the input with input_length/input_load_*, write the output with output_set, return 0 or an error code',
        },
      );
    }
    const exercised = exercisedExports(ctx.profile.id, ctx.dialect);
    const notExercised = exports.filter((e) => !exercised.includes(e.name)).map((e) => ({ export: e.name, status: 'skipped', needs: inputNeeded(e.name) }));
    const skipped = notExercised.length === 0 ? '' : `; not exercised without inputs: ${notExercised.map((e) => e.export).join(', ')}`;
    const count = exports.length === 1 ? '1 export is' : `${exports.length} exports are`;
    return pass(`${count} callable (() -> i32, or () -> () read as rc 0)${skipped}`, {
      exercised: exports.filter((e) => exercised.includes(e.name)).map((e) => e.name),
      notExercised,
    });
  },
});
