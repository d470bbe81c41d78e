/**
 * Replay bundles of fuzz checks: the plugin by sha256, the run's profile, dialect, limits and seed,
 * the path to the case, and the call to make again. Also what a check tells the watchdog before
 * each case (CheckContext.notePending), so a case that never returns still gets its bundle.
 * Bifrost cases replay on a long-lived instance after `init` and the calls in `before`.
 */
import { createHash } from 'node:crypto';
import type { CheckContext } from '../../engine/check-context.js';
import { PLUGCHECK_VERSION } from '../../engine/version.js';
import type { PriorCall, ReplayBundle, ReplayCall } from '../../fuzz/replay-bundle.js';
import type { PropertyRun } from '../../fuzz/run-property.js';
import type { BifrostProfile } from '../../profiles/profile.js';
import { caseInputs, showCase } from './fuzz-case.js';
import type { FuzzCase } from './fuzz-case.js';

/** The plugin's sha256, as bundles and messages name it (computed once per worker). */
export function pluginSha256(ctx: CheckContext): string {
  return ctx.shared('plugin-sha256', () => createHash('sha256').update(ctx.bytes).digest('hex'));
}

/** Where a case came from: the run's seed, fast-check's path to it (when known) and the cases run. */
export type CaseOrigin = Pick<Extract<PropertyRun<unknown>, { kind: 'falsified' }>, 'seed' | 'runs'> & { readonly path?: string | undefined };

/** What the bundle records as having happened. */
export type Observed = NonNullable<ReplayBundle['observed']>;

/** How a pending case is named in the watchdog's evidence. */
export interface ShownCase {
  readonly export: string;
  readonly mutation: string;
  readonly input: string;
}

/** The bundle that makes `call` again with this run's profile, dialect, limits and seed. */
export function replayBundle(ctx: CheckContext, check: string, origin: CaseOrigin, call: ReplayCall, observed: Observed): ReplayBundle {
  const limits = ctx.profile.limits;
  return {
    bundleVersion: 1,
    tool: { name: 'plugcheck', version: PLUGCHECK_VERSION },
    plugin: { sha256: pluginSha256(ctx), bytes: ctx.bytes.byteLength },
    profile: ctx.profile.id,
    dialect: ctx.dialect,
    limits: { callTimeoutMs: ctx.options.callTimeoutMs ?? limits.callTimeoutMs, instantiateTimeoutMs: ctx.options.instantiateTimeoutMs ?? limits.instantiateTimeoutMs },
    seed: origin.seed >>> 0,
    check,
    call,
    ...(origin.path === undefined ? {} : { shrinkPath: origin.path }),
    runs: Math.max(1, origin.runs),
    observed,
  };
}

/**
 * Tells the watchdog which case is about to be sent: if the call never returns, the check's
 * `timed-out` result carries the case and a bundle that sends it again.
 */
export function notePending(ctx: CheckContext, check: string, origin: CaseOrigin, call: ReplayCall, shown: ShownCase): void {
  ctx.notePending(pendingEvidence(ctx, check, origin, call, shown));
}

/** What the watchdog's `timed-out` result carries for a case whose call never returned: the case and its bundle. */
export function pendingEvidence(ctx: CheckContext, check: string, origin: CaseOrigin, call: ReplayCall, shown: ShownCase): Record<string, unknown> {
  const limitMs = ctx.options.callTimeoutMs ?? ctx.profile.limits.callTimeoutMs;
  const observed: Observed = { status: 'timed-out', message: `\`${shown.export}\` did not return within ${limitMs} ms` };
  return {
    seed: origin.seed,
    ...(origin.path === undefined ? {} : { shrinkPath: origin.path }),
    ...shown,
    replayBundle: replayBundle(ctx, check, origin, call, observed),
  };
}

/** The replayed call of a Bifrost case: on a long-lived instance, after `init` (when exported) and `before`. */
export function bifrostCall(ctx: CheckContext, profile: BifrostProfile, failing: FuzzCase, before: readonly FuzzCase[]): ReplayCall {
  const init: PriorCall[] = ctx.module.exports.some((e) => e.name === 'init') ? [{ export: 'init', inputs: [{ json: profile.initConfig }] }] : [];
  return {
    export: failing.exportName,
    lifecycle: 'reused',
    before: [...init, ...before.map((c) => ({ export: c.exportName, inputs: caseInputs(c) }))],
    inputs: caseInputs(failing),
    ...(failing.placement === undefined ? {} : { placement: failing.placement }),
  };
}

/** How a Bifrost case is named in messages and evidence. */
export function showBifrostCase(fuzzCase: FuzzCase): ShownCase {
  const shown = showCase(fuzzCase, 4000) || '(0 bytes)';
  const where = fuzzCase.placement === 'end-of-memory' ? ' (placed to end at the last byte of memory)' : '';
  return { export: fuzzCase.exportName, mutation: fuzzCase.kind, input: `${shown}${where}` };
}

/** Builds the bundle for the Bifrost case `failing`, sent after `before` (hook calls; `init` is added here). */
export function fuzzBundle(ctx: CheckContext, profile: BifrostProfile, check: string, origin: CaseOrigin, failing: FuzzCase, before: readonly FuzzCase[], observed: Observed): ReplayBundle {
  return replayBundle(ctx, check, origin, bifrostCall(ctx, profile, failing, before), observed);
}

/** {@link notePending} for a Bifrost case. */
export function notePendingCase(ctx: CheckContext, profile: BifrostProfile, check: string, origin: CaseOrigin, pending: FuzzCase, before: readonly FuzzCase[] = []): void {
  notePending(ctx, check, origin, bifrostCall(ctx, profile, pending, before), showBifrostCase(pending));
}
