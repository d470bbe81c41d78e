/**
 * `lifecycle.instantiate` (midimon): a fresh instance instantiates and its start function and WASI
 * `_initialize` return within the instantiation limit. The host instantiates anew for every
 * `init` and every `execute`, so a plugin that fails here never loads.
 */
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

export default defineCheck({
  id: 'lifecycle.instantiate',
  title: 'A fresh instance instantiates and its start function and `_initialize` return',
  specRef: 'seed-systems §3.5 (a new Store and instantiate_async for every init and execute); seed 002 §Plugin not loading',
  appliesTo: ['midimon'],
  dependsOn: ['abi.compiles', 'abi.memory-exported', 'abi.required-exports', 'abi.export-signatures', 'abi.imports-provided'],
  run(ctx) {
    const created = ctx.freshInstance();
    if (!created.ok) {
      const { trap } = created;
      return fail(`a fresh instance failed to instantiate (${trap.kind}): ${trap.message}; the host instantiates the plugin for every call, so it never loads`, {
        trap,
        startFunction: ctx.module.startFunction !== null,
        initialize: ctx.module.exports.some((e) => e.name === '_initialize'),
        fix: 'make the start function and `_initialize` return without trapping or exiting (build a WASI reactor: -mexec-model=reactor, or a Rust cdylib)',
      });
    }
    const instance = created.value;
    const pages = (instance.memory?.byteLength ?? 0) / 65536;
    return pass(`a fresh instance instantiated with ${pages} pages of memory; the host makes one per call`, {
      pages,
      memoryCapPages: ctx.profile.limits.memoryPages,
      wasiCalls: instance.trace.total,
      startFunction: ctx.module.startFunction !== null,
      initialize: instance.hasFunction('_initialize'),
    });
  },
});
