/**
 * A check context over a bundled plugin with run options of the test's choosing, for running the
 * limits checks directly (no worker, so no watchdog: only plugins whose calls end are run this way).
 */
import { CheckContext } from '../../../src/engine/check-context.js';
import type { RunOptions } from '../../../src/engine/check-context.js';
import { findCheck } from '../../../src/checks/index.js';
import type { CheckDefinition } from '../../../src/checks/check-definition.js';
import { getProfile } from '../../../src/profiles/registry.js';
import type { ProfileId } from '../../../src/profiles/profile.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { loadBundled } from '../../support/plugins.js';

/** The context of `plugin` (a bundled module) under `profile`, with `options`. */
export function limitContext(plugin: string, profile: ProfileId, options: Omit<RunOptions, 'seed'> = {}): CheckContext {
  const compiled = loadBundled(plugin);
  const p = getProfile(profile);
  return new CheckContext({ bytes: compiled.bytes, module: compiled.info, profile: p, dialect: p.detectDialect(compiled.info), options: { seed: 1, ...options } });
}

/** The registered check `id` for `profile`. */
export function limitCheck(id: string, profile: ProfileId): CheckDefinition {
  const check = findCheck(id, profile);
  if (check === undefined) throw new Error(`no check ${id} for ${profile}`);
  return check;
}

/** Runs check `id` on `plugin` directly. */
export async function runLimit(id: string, plugin: string, profile: ProfileId, options: Omit<RunOptions, 'seed'> = {}): Promise<CheckOutcome> {
  return limitCheck(id, profile).run(limitContext(plugin, profile, options));
}

/** The evidence of an outcome (empty when it has none). */
export function evidenceOf(outcome: CheckOutcome): Record<string, unknown> {
  return 'evidence' in outcome && outcome.evidence !== undefined ? (outcome.evidence as Record<string, unknown>) : {};
}
