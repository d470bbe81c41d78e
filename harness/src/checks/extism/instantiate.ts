/**
 * `lifecycle.instantiate` for Extism plugins: the real Extism runtime loads the module with the
 * profile's host functions, and its start function and `_initialize` return within the
 * instantiation limit. An Extism host resolves every import before the plugin runs (seed 004 §4:
 * "module[env] not instantiated"), so a load failure fails here, whatever the export called later.
 */
import { guestModel } from '../../profiles/extism/entry-exports.js';
import { extismInstance, preparedModule } from '../../profiles/extism/extism-instance.js';
import { EXTISM_SPEC } from '../../profiles/extism/extism-profile.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

export default defineCheck({
  id: 'lifecycle.instantiate',
  title: 'The Extism runtime loads the plugin and its initialisation returns',
  specRef: `seed 004 §4 (all imports must resolve at instantiation); ${EXTISM_SPEC}`,
  appliesTo: ['extism', 'extism-datasource'],
  dependsOn: ['abi.compiles', 'abi.memory-exported', 'abi.required-exports', 'abi.export-signatures', 'abi.imports-provided'],
  async run(ctx) {
    const instance = await extismInstance(ctx);
    const initCalls = instance.host?.trace.calls ?? instance.stubTrace.calls;
    if (!instance.ok) {
      const { trap } = instance;
      return fail(`the Extism runtime could not load the plugin (${trap.kind}): ${trap.message}`, {
        trap,
        logs: instance.logs,
        hostCallsDuringInit: initCalls,
        fix:
          trap.kind === 'link-error'
            ? 'import only the Extism kernel (extism:host/env), WASI and the host functions the application provides'
            : 'make the start function and _initialize return without trapping; do the work in an export instead',
      });
    }
    const pages = instance.session.memoryPages();
    const { returnCodes, note } = preparedModule(ctx);
    const stubbed = instance.stubs.map((s) => s.import);
    const stubNote = stubbed.length === 0 ? '' : `; application host functions stubbed (they return 0): ${stubbed.join(', ')}`;
    return pass(`loaded on @extism/extism in ${instance.session.loadMs} ms with ${pages ?? 'no'} pages of plugin memory${stubNote}`, {
      memoryPages: pages,
      loadMs: instance.session.loadMs,
      guest: guestModel(ctx.module),
      stubbedHostFunctions: instance.stubs,
      returnCodesFrom: returnCodes?.wrapped ?? note,
      hostCallsDuringInit: initCalls,
      logs: instance.session.logs,
    });
  },
});
