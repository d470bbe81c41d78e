/**
 * Runs one Bifrost hook again and again on one long-lived instance (the lifecycle the real Bifrost
 * host uses) with the ledger watching, and samples memory after every call; then a few calls each in
 * a fresh instance, for the other lifecycle. An AssemblyScript plugin that exports its runtime is
 * collected (`__collect`) before each sample, so garbage waiting for the GC is not called a leak.
 */
import type { CheckContext } from '../engine/check-context.js';
import type { TrapInfo } from '../host/classify-trap.js';
import type { PluginInstance } from '../host/plugin-instance.js';
import { BifrostCaller } from '../profiles/bifrost/bifrost-caller.js';
import type { BifrostCall } from '../profiles/bifrost/bifrost-caller.js';
import type { BifrostProfile } from '../profiles/profile.js';
import { BlockLedger } from './block-ledger.js';
import type { LedgerFinding } from './block-ledger.js';
import { analyseGrowth, memoryCapOf, PAGE_BYTES } from './growth-analysis.js';
import type { GrowthAnalysis, GrowthSample } from './growth-analysis.js';

/** Calls per growth run: enough for a slope over the steady state, done in well under a second. */
export const DEFAULT_GROWTH_CALLS = 200;

/** Fresh instances the fresh-lifecycle run makes. */
const FRESH_CALLS = 3;

/** The hook a growth run calls and the input it sends. */
export interface GrowthTarget {
  readonly hook: string;
  readonly fixture: string;
  readonly inputs: readonly string[];
}

/** Memory after one call in an instance of its own. */
export interface FreshSample {
  readonly call: number;
  readonly pages: number;
  readonly liveBytes: number;
}

/** A growth run's result: samples and analysis for both lifecycles, the ledger's findings, or where it stopped. */
export type GrowthRun =
  | {
      readonly ok: true;
      readonly target: GrowthTarget;
      readonly realHostLifecycle: 'reused' | 'fresh';
      readonly reused: { readonly samples: readonly GrowthSample[]; readonly analysis: GrowthAnalysis };
      readonly fresh: readonly FreshSample[];
      /** Whether `__collect` ran before each sample. */
      readonly collected: boolean;
      readonly findings: readonly LedgerFinding[];
    }
  | { readonly ok: false; readonly target: GrowthTarget | undefined; readonly call: number; readonly reason: string; readonly trap?: TrapInfo };

/** The first hook of the profile the plugin exports, with its first seed fixture. */
export function growthTarget(ctx: CheckContext, profile: BifrostProfile): GrowthTarget | undefined {
  const exported = new Set(ctx.module.exports.map((e) => e.name));
  for (const hook of profile.hooks) {
    const name = [hook.name, ...(hook.aliases ?? [])].find((n) => exported.has(n));
    const fixture = hook.fixtures[0];
    if (name !== undefined && fixture !== undefined) return { hook: name, fixture: fixture.id, inputs: fixture.inputs.map((v) => JSON.stringify(v)) };
  }
  return undefined;
}

const describeCall = (call: BifrostCall) => (call.kind === 'trap' ? `trapped at ${call.step}: ${call.trap.message}` : call.kind === 'fault' ? `faulted at ${call.step} (${call.fault.kind})` : call.kind);

function collect(instance: PluginInstance): boolean {
  if (!instance.hasFunction('__collect')) return false;
  return instance.call('__collect', [], '__collect').ok;
}

function started(ctx: CheckContext, profile: BifrostProfile, ledger?: BlockLedger): { caller: BifrostCaller } | { reason: string; trap: TrapInfo } {
  const created = ctx.freshInstance();
  if (!created.ok) return { reason: 'the plugin did not instantiate', trap: created.trap };
  const caller = new BifrostCaller(created.value, ctx.dialect, ledger);
  if (created.value.hasFunction('init')) {
    const init = caller.init(JSON.stringify(profile.initConfig));
    if (init.kind === 'trap') return { reason: 'init trapped', trap: init.trap };
  }
  return { caller };
}

/** How a growth run is made. */
export interface GrowthRunOptions {
  /** Long-lived calls; {@link DEFAULT_GROWTH_CALLS} when absent (`--growth-calls`). */
  readonly calls?: number | undefined;
  /** Call `__collect` before each sample where the plugin exports it (default true; false shows what the GC had left). */
  readonly collect?: boolean | undefined;
}

/** Runs the growth measurement on one long-lived instance, then on a few fresh ones. */
export function runGrowth(ctx: CheckContext, profile: BifrostProfile, options: GrowthRunOptions = {}): GrowthRun {
  const calls = options.calls ?? DEFAULT_GROWTH_CALLS;
  const collecting = options.collect ?? true;
  const target = growthTarget(ctx, profile);
  if (target === undefined) return { ok: false, target, call: 0, reason: 'the plugin exports none of the profile\'s hooks' };
  const ledger = new BlockLedger();
  const opened = started(ctx, profile, ledger);
  if ('reason' in opened) return { ok: false, target, call: 0, reason: opened.reason, trap: opened.trap };
  const { caller } = opened;
  const memory = caller.instance.memory;
  if (memory === undefined) return { ok: false, target, call: 0, reason: 'the plugin exports no memory' };
  const samples: GrowthSample[] = [];
  let collected = false;
  for (let call = 1; call <= calls; call++) {
    const result = caller.callHook(target.hook, target.inputs, `${target.hook} ${target.fixture} (growth call ${call})`);
    if (result.kind !== 'output' && result.kind !== 'no-data') return { ok: false, target, call, reason: describeCall(result), ...(result.kind === 'trap' ? { trap: result.trap } : {}) };
    collected = collecting && collect(caller.instance);
    samples.push({ call, pages: memory.byteLength / PAGE_BYTES, liveBytes: ledger.heapExtent, heapEnd: ledger.heapEnd });
  }
  const fresh: FreshSample[] = [];
  for (let call = 1; call <= FRESH_CALLS; call++) {
    const own = new BlockLedger();
    const one = started(ctx, profile, own);
    if ('reason' in one) break;
    one.caller.callHook(target.hook, target.inputs, `${target.hook} ${target.fixture} (fresh instance ${call})`);
    if (collecting) collect(one.caller.instance);
    fresh.push({ call, pages: (one.caller.instance.memory?.byteLength ?? 0) / PAGE_BYTES, liveBytes: own.heapExtent });
  }
  const analysis = analyseGrowth(samples, memoryCapOf(profile));
  return { ok: true, target, realHostLifecycle: profile.lifecycle, reused: { samples, analysis }, fresh, collected, findings: ledger.findings };
}
