/**
 * Watches what a sized `free(ptr, size)` is given: the module's allocator is instrumented
 * (memory/instrument-allocator.ts) so the ledger knows the size reserved for every block it hands
 * out, then `init` and every exported hook are called once with their first seed fixture on one
 * instance, as the real host calls them, and every free the host makes is judged against the size
 * reserved for that block. The host passes an input's exact length; for an output it can only pass
 * the length the plugin handed back, which is wrong whenever the plugin reserved more (a fixed
 * buffer, Rust's `Vec` capacity) or less.
 */
import type { CheckContext } from '../engine/check-context.js';
import type { TrapInfo } from '../host/classify-trap.js';
import { PluginInstance } from '../host/plugin-instance.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import type { BifrostProfile, Profile } from '../profiles/profile.js';
import { inspectModule } from '../wasm/index.js';
import { BlockLedger } from './block-ledger.js';
import type { LedgerFinding, UnwatchedFree } from './block-ledger.js';
import { ALLOCATED_IMPORT, instrumentAllocator } from './instrument-allocator.js';

/** One call of the run and how it ended. */
export interface FreeSizeCall {
  readonly call: string;
  readonly outcome: string;
}

/** What the run saw: every call, the frees judged and not judged, the findings; or why it could not run. */
export type FreeSizeRun =
  | {
      readonly ok: true;
      readonly calls: readonly FreeSizeCall[];
      readonly judgedFrees: number;
      readonly unwatchedFrees: readonly UnwatchedFree[];
      readonly findings: readonly LedgerFinding[];
    }
  | { readonly ok: false; readonly reason: string; readonly trap?: TrapInfo };

/** Runs `init` and each exported hook once on an instance whose allocator reports every block. */
export async function runFreeSize(ctx: CheckContext, profile: BifrostProfile): Promise<FreeSizeRun> {
  const allocator = ctx.dialect['allocator'] === 'plugin_malloc' ? 'plugin_malloc' : 'malloc';
  const rewritten = await instrumentAllocator(ctx.bytes, allocator);
  if (!rewritten.ok) return { ok: false, reason: rewritten.reason };
  const ledger = new BlockLedger();
  ledger.watchSizes();
  let module: WebAssembly.Module;
  let info: ReturnType<typeof inspectModule>;
  try {
    module = new WebAssembly.Module(rewritten.bytes);
    info = inspectModule(rewritten.bytes);
  } catch (thrown) {
    return { ok: false, reason: `the instrumented module does not load: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
  const watched: Profile = { ...profile, hostImports: [...profile.hostImports, ALLOCATED_IMPORT] };
  const created = PluginInstance.instantiate(module, info, {
    profile: watched,
    hostFunctions: () => ({ [ALLOCATED_IMPORT.module]: { [ALLOCATED_IMPORT.name]: (size: number, ptr: number) => ledger.reservedByAllocator(ptr >>> 0, size >>> 0) } }),
    heartbeat: ctx.heartbeat,
    seed: ctx.options.seed,
    callTimeoutMs: ctx.options.callTimeoutMs,
    instantiateTimeoutMs: ctx.options.instantiateTimeoutMs,
  });
  if (!created.ok) return { ok: false, reason: 'the instrumented plugin did not instantiate', trap: created.trap };
  const caller = new BifrostCaller(created.value, ctx.dialect, ledger);
  const calls: FreeSizeCall[] = [];
  if (created.value.hasFunction('init')) calls.push({ call: 'init', outcome: caller.init(JSON.stringify(profile.initConfig)).kind });
  const exported = new Set(ctx.module.exports.map((e) => e.name));
  for (const hook of profile.hooks) {
    const name = [hook.name, ...(hook.aliases ?? [])].find((n) => exported.has(n));
    const fixture = hook.fixtures[0];
    if (name === undefined || fixture === undefined) continue;
    const label = `${name} ${fixture.id}`;
    calls.push({ call: label, outcome: caller.callHook(name, fixture.inputs.map((v) => JSON.stringify(v)), label).kind });
  }
  const findings = ledger.findings.filter((f) => f.kind === 'free-size-mismatch');
  return { ok: true, calls, judgedFrees: ledger.judgedFrees, unwatchedFrees: ledger.unwatchedFrees, findings };
}
