/**
 * Runs what FrankenTerm calls in a plugin, each entry point in a fresh instance as the real host
 * gives every call a new Store (seed-systems §4.3): every usable handler the manifest names, or
 * the configuration entry point. The runs are made once per worker and shared by the checks that
 * judge them (completion, configuration output, capability use), so a plugin is called once per
 * entry point however many checks look at the result.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { TrapInfo } from '../../host/classify-trap.js';
import type { MemoryRead } from '../../host/guest-memory.js';
import type { HostCall } from '../../host/host-call-trace.js';
import type { PluginInstance } from '../../host/plugin-instance.js';
import type { CallResult } from '../../host/plugin-instance.js';
import { exportsWithSignature, planEntryPoints, RETURNS_I32 } from './entry-points.js';
import type { EntryPlan } from './entry-points.js';
import { FIXTURE_ENV } from './fixture-env.js';
import { FrankentermHost } from './frankenterm-host.js';

/** How one entry point's call ended. */
export type RunOutcome =
  | { readonly kind: 'returned' }
  /** `_start` called WASI `proc_exit`. */
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'trapped'; readonly during: string; readonly trap: TrapInfo }
  | { readonly kind: 'not-instantiated'; readonly trap: TrapInfo };

/** What `configure()` and `configure_len()` returned and what lies there. */
export interface ConfigureResult {
  readonly ptr: number;
  /** null when the module exports no `configure_len() -> i32`. */
  readonly len: number | null;
  /** The strict UTF-8 text at `[ptr, ptr+len)`; null when `len` is unknown. */
  readonly text: MemoryRead<string> | null;
}

/** One entry point called in its own instance. */
export interface EntryRun {
  readonly entry: string;
  /** The events bound to a handler; empty for configuration entry points. */
  readonly events: readonly string[];
  readonly outcome: RunOutcome;
  readonly host: FrankentermHost;
  readonly hostCalls: readonly HostCall[];
  readonly hostCallCount: number;
  /** Set for `configure` once `configure()` returned. */
  readonly configure?: ConfigureResult;
  /** Everything written to stdout. */
  readonly stdout: Uint8Array;
  /** The instance the entry point ran in (absent when instantiation failed): the limits checks read its memory and fuel. */
  readonly instance?: PluginInstance;
}

/** The plan and the runs it led to. */
export interface EntryPointRuns {
  readonly plan: EntryPlan;
  readonly runs: readonly EntryRun[];
}

/** A fresh instance with the profile's host functions, served by `host`; of `module` (a rewrite of the plugin) when given. */
export function frankentermInstance(ctx: CheckContext, host: FrankentermHost, module?: WebAssembly.Module): CallResult<PluginInstance> {
  return ctx.freshInstance({ hostFunctions: (h) => host.functions(h) }, module);
}

/** A host granting what the plugin's manifest allows (nothing without a manifest), over the fixture environment. */
export function hostFor(plan: EntryPlan): FrankentermHost {
  return new FrankentermHost({ environment: plan.kind === 'extension' ? plan.manifest.environment : [], env: FIXTURE_ENV });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Calls one entry point in a fresh instance, of `module` (a rewrite of the plugin: memory cap, metering) when given. */
export function runEntryPoint(ctx: CheckContext, plan: EntryPlan, entry: string, events: readonly string[], module?: WebAssembly.Module): EntryRun {
  const host = hostFor(plan);
  const created = frankentermInstance(ctx, host, module);
  const finish = (outcome: RunOutcome, instance?: PluginInstance, configure?: ConfigureResult): EntryRun => ({
    entry,
    events,
    outcome,
    host,
    hostCalls: instance?.trace.calls ?? [],
    hostCallCount: instance?.trace.total ?? 0,
    ...(configure === undefined ? {} : { configure }),
    stdout: concat(instance?.sandbox.stdoutBytes ?? []),
    ...(instance === undefined ? {} : { instance }),
  });
  if (!created.ok) return finish({ kind: 'not-instantiated', trap: created.trap });
  const instance = created.value;
  const label = events.length > 0 ? `${entry} (${events.join(', ')})` : entry;
  const called = instance.call(entry, [], label);
  if (!called.ok) {
    return called.trap.kind === 'wasi-exit' && entry === '_start'
      ? finish({ kind: 'exited', code: called.trap.exitCode ?? 0 }, instance)
      : finish({ kind: 'trapped', during: entry, trap: called.trap }, instance);
  }
  if (entry !== 'configure') return finish({ kind: 'returned' }, instance);
  const ptr = Number(called.value);
  if (!exportsWithSignature(ctx.module, 'configure_len', RETURNS_I32)) return finish({ kind: 'returned' }, instance, { ptr, len: null, text: null });
  const measured = instance.call('configure_len', [], 'configure_len');
  if (!measured.ok) return finish({ kind: 'trapped', during: 'configure_len', trap: measured.trap }, instance);
  const len = Number(measured.value);
  const text = instance.memory?.readString(ptr, len) ?? null;
  return finish({ kind: 'returned' }, instance, { ptr, len, text });
}

/** Calls every entry point the host would call, once per worker. */
export function entryPointRuns(ctx: CheckContext): EntryPointRuns {
  return ctx.shared('frankenterm.entry-point-runs', () => {
    const plan = planEntryPoints(ctx.module, ctx.manifest);
    if (plan.kind === 'extension') {
      const usable = plan.handlers.filter((h) => h.unusable === undefined);
      return { plan, runs: usable.map((h) => runEntryPoint(ctx, plan, h.name, h.events)) };
    }
    return { plan, runs: plan.via === 'none' ? [] : [runEntryPoint(ctx, plan, plan.via, [])] };
  });
}
