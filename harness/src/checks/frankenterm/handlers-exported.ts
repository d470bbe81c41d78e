/**
 * `abi.handlers-exported`: every handler the manifest names is exported as a function taking no
 * arguments and returning nothing. The event payload reaches a handler through host calls, never
 * through parameters (seed 003 §Exported entry points), and wasmtime looks a handler up by exact
 * type, so `on_reload(i32)` or a handler returning a status is as unusable as a missing one.
 */
import { planEntryPoints } from '../../profiles/frankenterm/entry-points.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { formatSignature } from '../../wasm/index.js';
import { defineCheck } from '../check-definition.js';

export default defineCheck({
  id: 'abi.handlers-exported',
  title: 'Every handler the manifest names is exported as `() -> ()`',
  specRef: 'seed 003 §Exported entry points ("take no arguments"); seed-systems §4.3',
  appliesTo: ['frankenterm'],
  dependsOn: ['manifest.hooks-declared'],
  run(ctx) {
    const plan = planEntryPoints(ctx.module, ctx.manifest);
    if (plan.kind !== 'extension') return skip('a configuration module: no manifest names handlers');
    if (plan.handlers.length === 0) return skip('the manifest binds no handler');
    const unusable = plan.handlers.filter((h) => h.unusable !== undefined);
    const named = (h: (typeof plan.handlers)[number]) => `\`${h.name}\` (${h.events.join(', ')})`;
    if (unusable.length > 0) {
      return fail(unusable.map((h) => `${named(h)} ${h.unusable ?? ''}`).join('; '), {
        manifest: plan.manifest.path,
        handlers: plan.handlers,
        functionExports: ctx.module.exports
          .filter((e) => e.kind === 'function')
          .map((e) => ({ name: e.name, signature: e.signature === undefined ? 'unknown' : formatSignature(e.signature) })),
        fix: 'export each handler as a function without parameters or result (C: `__attribute__((export_name("on_reload"))) void on_reload(void)`; Rust: `#[no_mangle] pub extern "C" fn on_reload()`), or correct its name in the manifest',
      });
    }
    return pass(`${plan.handlers.length} handlers exported as () -> (): ${plan.handlers.map(named).join(', ')}`, { handlers: plan.handlers });
  },
});
