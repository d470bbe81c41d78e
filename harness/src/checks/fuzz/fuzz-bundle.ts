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
import { caseInputs } from './fuzz-case.js';
import type { FuzzCase } from './fuzz-case.js';

/** The plugin's sha256, as bundles and messages name it. */
export function pluginSha256(ctx: CheckContext): string {
  return createHash('sha256').update(ctx.bytes).digest('hex');
}

/** Builds the bundle for `failing`, sent after `before` (hook calls; `init` is added here). */
export function fuzzBundle(
  ctx: CheckContext,
  profile: BifrostProfile,
  check: string,
  run: Extract<PropertyRun<unknown>, { kind: 'falsified' }>,
  failing: FuzzCase,
  before: readonly FuzzCase[],
  problem: string,
): ReplayBundle {
  const init: PriorCall[] = ctx.module.exports.some((e) => e.name === 'init') ? [{ export: 'init', inputs: [{ json: profile.initConfig }] }] : [];
  return {
    bundleVersion: 1,
    tool: { name: 'plugcheck', version: PLUGCHECK_VERSION },
    plugin: { sha256: pluginSha256(ctx), bytes: ctx.bytes.byteLength },
    profile: profile.id,
    dialect: ctx.dialect,
    limits: { callTimeoutMs: ctx.options.callTimeoutMs ?? profile.limits.callTimeoutMs, instantiateTimeoutMs: ctx.options.instantiateTimeoutMs ?? profile.limits.instantiateTimeoutMs },
    seed: run.seed >>> 0,
    check,
    call: { export: failing.exportName, lifecycle: 'reused', before: [...init, ...before.map((c) => ({ export: c.exportName, inputs: caseInputs(c) }))], inputs: caseInputs(failing) },
    shrinkPath: run.path,
    runs: run.runs,
    observed: { status: 'failed', message: problem },
  };
}
