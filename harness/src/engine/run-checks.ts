/**
 * The check loop. It runs next to the plugin (inside the worker), one check after another,
 * skipping a check whose dependencies did not pass, and turning a thrown exception into an
 * `errored` result so one harness bug never loses the other results.
 */
import { findCheck } from '../checks/index.js';
import type { CheckResult, CheckStatus } from '../report/check-result.js';
import { toError } from '../errors.js';
import type { CheckContext } from './check-context.js';

/** Runs checks `ids[start..]` in order, reporting each result as soon as it exists. */
export async function runChecks(
  ctx: CheckContext,
  ids: readonly string[],
  start: number,
  known: Readonly<Record<string, CheckStatus>>,
  emit: (index: number, result: CheckResult) => void,
): Promise<void> {
  const statuses: Record<string, CheckStatus> = { ...known };
  for (let index = start; index < ids.length; index++) {
    const id = ids[index] ?? '';
    ctx.heartbeat?.setCheck(index);
    const started = performance.now();
    const result = await runOne(ctx, id, statuses);
    const timed = { ...result, durationMs: Math.round((performance.now() - started) * 1000) / 1000 } as CheckResult;
    statuses[id] = timed.status;
    emit(index, timed);
  }
}

async function runOne(ctx: CheckContext, id: string, statuses: Readonly<Record<string, CheckStatus>>): Promise<CheckResult> {
  const check = findCheck(id, ctx.profile.id);
  if (check === undefined) return { check: id, status: 'errored', message: `no check with id ${id}`, durationMs: 0 };
  const blocked = (check.dependsOn ?? []).filter((dep) => statuses[dep] !== undefined && statuses[dep] !== 'passed');
  if (blocked.length > 0) {
    const why = blocked.map((dep) => `${dep} ${statuses[dep] ?? ''}`).join(', ');
    return { check: id, status: 'skipped', message: `skipped because ${why}`, durationMs: 0 };
  }
  try {
    const outcome = await check.run(ctx);
    return { check: id, ...outcome, durationMs: 0 } as CheckResult;
  } catch (thrown) {
    const error = toError(thrown);
    return {
      check: id,
      status: 'errored',
      message: `plugcheck failed while running this check: ${error.message}`,
      evidence: { stack: error.stack ?? '' },
      durationMs: 0,
    };
  }
}
