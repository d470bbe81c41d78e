/**
 * Where the ledger checks get their findings: the allocator probe (blocks held live together, no
 * hook involved) or the growth run (every block of the hook calls on the long-lived instance).
 */
import type { CheckContext } from '../../engine/check-context.js';
import { HELD_SIZES } from '../../memory/allocator-probe.js';
import type { LedgerSource } from './define-ledger-check.js';
import { allocatorProbe, allocatorProbeFailed, growthRun, growthRunStopped } from './memory-session.js';

/** The findings on the blocks the allocator probe held live together. */
export function probeFindings(ctx: CheckContext): LedgerSource {
  const probe = allocatorProbe(ctx);
  if (!probe.ok) return { ok: false, outcome: allocatorProbeFailed(probe) };
  return { ok: true, findings: probe.findings, scope: `${HELD_SIZES.length} blocks held live together (malloc ${HELD_SIZES.join(', ')})` };
}

/** The findings on every block of the growth run's hook calls. */
export function growthFindings(ctx: CheckContext): LedgerSource {
  const run = growthRun(ctx);
  if (!run.ok) return { ok: false, outcome: growthRunStopped(run) };
  return { ok: true, findings: run.findings, scope: `${run.reused.samples.length} \`${run.target.hook}\` calls on one instance` };
}
