/**
 * `lifecycle.instantiate`: the module instantiates in the reference host, its start function and
 * WASI `_initialize` return, within the instantiation time limit.
 */
import { bifrostSession } from '../../profiles/bifrost/bifrost-session.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

export default defineCheck({
  id: 'lifecycle.instantiate',
  title: 'The module instantiates and its start function returns',
  specRef: 'seed 001 §Troubleshooting "failed to instantiate WASM module"; seed-systems §1.7',
  appliesTo: ['bifrost-v1', 'bifrost-v2'],
  dependsOn: ['abi.compiles', 'abi.memory-exported', 'abi.required-exports', 'abi.export-signatures', 'abi.imports-provided'],
  run(ctx) {
    const session = bifrostSession(ctx);
    if (!session.ok) {
      return fail(`instantiation failed (${session.trap.kind}): ${session.trap.message}`, { trap: session.trap });
    }
    const { instance } = session.caller;
    const pages = (instance.memory?.byteLength ?? 0) / 65536;
    return pass(`instantiated with ${pages} pages of memory`, {
      pages,
      wasiCalls: instance.trace.total,
      start: ctx.module.startFunction !== null,
      reactor: ctx.module.exports.some((e) => e.name === '_initialize'),
    });
  },
});
