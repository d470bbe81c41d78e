/**
 * `abi.memory-exported`: the plugin exports its linear memory as `memory`. Every pointer the
 * host writes or reads refers to it; without it no hook can be called.
 */
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import { ALL_PROFILE_IDS } from '../../profiles/profile.js';

export default defineCheck({
  id: 'abi.memory-exported',
  title: 'Linear memory is exported as `memory`',
  specRef: 'seed 000 §Return Value Format; seed 001 "pointer to data in WASM memory"',
  appliesTo: ALL_PROFILE_IDS,
  run(ctx) {
    const exported = ctx.module.exports.find((e) => e.kind === 'memory');
    const named = ctx.module.exports.find((e) => e.name === 'memory');
    if (named?.kind === 'memory') {
      const limits = ctx.module.memories[named.index]?.limits;
      return pass('memory is exported', { limits });
    }
    const evidence = {
      memories: ctx.module.memories,
      memoryExports: ctx.module.exports.filter((e) => e.kind === 'memory').map((e) => e.name),
    };
    if (named !== undefined) {
      return fail(`the export \`memory\` is a ${named.kind}, not a memory`, { ...evidence, fix: 'export the linear memory under the name `memory`' });
    }
    if (exported !== undefined) {
      return fail(`the memory is exported as \`${exported.name}\`, the host looks for \`memory\``, {
        ...evidence,
        fix: `rename the export \`${exported.name}\` to \`memory\``,
      });
    }
    const why = ctx.module.memories.length === 0 ? 'the module has no memory at all' : 'the module keeps its memory internal';
    return fail(`no memory is exported: ${why}`, {
      ...evidence,
      fix: 'export the memory (WAT: `(memory (export "memory") 1)`; clang/wasm-ld export it by default; do not pass --no-export-memory)',
    });
  },
});
