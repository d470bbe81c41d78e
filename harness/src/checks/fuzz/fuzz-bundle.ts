/**
 * The replay bundle of a falsified Bifrost fuzz property: the plugin by sha256, the run's profile,
 * dialect, limits and seed, the shrink path, and the failing call on a long-lived instance after
 * `init` (with the profile's config, when the plugin exports it) and the calls in `before`.
 */
import { createHash } from 'node:crypto';
import type { CheckContext } from '../../engine/check-context.js';
import { PLUGCHECK_VERSION } from '../../engine/version.js';
import type { PriorCall, ReplayBundle } from '../../fuzz/replay-bundle.js';
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

/** Builds the bundle for `failing`, sent after `before` (hook calls; `init` is added here). */
export function fuzzBundle(
  ctx: CheckContext,
  profile: BifrostProfile,
  check: string,
  origin: CaseOrigin,
  failing: FuzzCase,
  before: readonly FuzzCase[],
  observed: Observed,
): ReplayBundle {
  const init: PriorCall[] = ctx.module.exports.some((e) => e.name === 'init') ? [{ export: 'init', inputs: [{ json: profile.initConfig }] }] : [];
  return {
    bundleVersion: 1,
    tool: { name: 'plugcheck', version: PLUGCHECK_VERSION },
    plugin: { sha256: pluginSha256(ctx), bytes: ctx.bytes.byteLength },
    profile: profile.id,
    dialect: ctx.dialect,
    limits: { callTimeoutMs: ctx.options.callTimeoutMs ?? profile.limits.callTimeoutMs, instantiateTimeoutMs: ctx.options.instantiateTimeoutMs ?? profile.limits.instantiateTimeoutMs },
    seed: origin.seed >>> 0,
    check,
    call: { export: failing.exportName, lifecycle: 'reused', before: [...init, ...before.map((c) => ({ export: c.exportName, inputs: caseInputs(c) }))], inputs: caseInputs(failing) },
    ...(origin.path === undefined ? {} : { shrinkPath: origin.path }),
    runs: origin.runs,
    observed,
  };
}

/**
 * Tells the watchdog which case is about to be sent (CheckContext.notePending): if the call never
 * returns, the check's `timed-out` result carries the case and a replay bundle that sends it again.
 */
export function notePendingCase(ctx: CheckContext, profile: BifrostProfile, check: string, origin: CaseOrigin, pending: FuzzCase, before: readonly FuzzCase[] = []): void {
  const limitMs = ctx.options.callTimeoutMs ?? profile.limits.callTimeoutMs;
  const observed: Observed = { status: 'timed-out', message: `\`${pending.exportName}\` did not return within ${limitMs} ms` };
  ctx.notePending({
    seed: origin.seed,
    ...(origin.path === undefined ? {} : { shrinkPath: origin.path }),
    export: pending.exportName,
    mutation: pending.kind,
    input: showCase(pending, 4000),
    replayBundle: fuzzBundle(ctx, profile, check, origin, pending, before, observed),
  });
}
