/**
 * `lifecycle.instantiate` for FrankenTerm: the module instantiates with the host functions
 * FrankenTerm offers, within the instantiation time limit and the host's memory cap. The real
 * store limit is 64 MiB (seed-systems §4.3): a module whose initial memory is larger is refused
 * by wasmtime, as the host's own test with a 2048-page module shows.
 */
import { planEntryPoints } from '../../profiles/frankenterm/entry-points.js';
import { frankentermInstance, hostFor } from '../../profiles/frankenterm/entry-point-runs.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

const PAGE_BYTES = 65536;
const mib = (pages: number) => (pages * PAGE_BYTES) / (1024 * 1024);

export default defineCheck({
  id: 'lifecycle.instantiate',
  title: 'The module instantiates within the time limit and the 64 MiB memory cap',
  specRef: 'seed 003 §Capabilities (64 MiB memory limit); seed-systems §4.3 (StoreLimits memory_size, 2048-page module rejected)',
  appliesTo: ['frankenterm'],
  dependsOn: ['abi.compiles', 'abi.memory-exported', 'abi.required-exports', 'abi.export-signatures', 'abi.imports-provided'],
  run(ctx) {
    const limitPages = ctx.profile.limits.memoryPages ?? Number.POSITIVE_INFINITY;
    const initialPages = ctx.module.memories.reduce((sum, m) => sum + m.limits.initialPages, 0);
    if (initialPages > limitPages) {
      return fail(
        `the module asks for ${initialPages} pages (${mib(initialPages)} MiB) of initial memory; FrankenTerm caps a module at ${limitPages} pages (${mib(limitPages)} MiB), so wasmtime refuses to instantiate it`,
        {
          initialPages,
          limitPages,
          memories: ctx.module.memories,
          fix: 'declare less initial memory (e.g. wasm-ld --initial-memory, or smaller static buffers) and grow at run time as needed',
        },
      );
    }
    const created = frankentermInstance(ctx, hostFor(planEntryPoints(ctx.module, ctx.manifest)));
    if (!created.ok) return fail(`instantiation failed (${created.trap.kind}): ${created.trap.message}`, { trap: created.trap });
    const pages = (created.value.memory?.byteLength ?? 0) / PAGE_BYTES;
    return pass(`instantiated with ${pages} pages of memory (cap ${limitPages})`, {
      pages,
      limitPages,
      start: ctx.module.startFunction !== null,
      reactor: ctx.module.exports.some((e) => e.name === '_initialize'),
      hostCalls: created.value.trace.total,
    });
  },
});
