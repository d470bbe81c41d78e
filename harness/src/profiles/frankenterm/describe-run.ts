/**
 * How an entry-point run reads in a report: a label for messages and the evidence behind a
 * verdict (outcome, logs, host calls, environment reads, stdout), clipped so a chatty plugin
 * cannot bury the cause.
 */
import type { EntryRun, RunOutcome } from './entry-point-runs.js';
import { LOG_LEVELS } from './frankenterm-host.js';

const MAX_LOGS = 10;
const MAX_CALLS = 20;
const MAX_TEXT = 2048;

/** Text clipped for evidence. */
export function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} chars)` : text;
}

/** `on_reload` (config.reload) — how messages name a run. */
export function runLabel(run: Pick<EntryRun, 'entry' | 'events'>): string {
  return run.events.length > 0 ? `\`${run.entry}\` (${run.events.join(', ')})` : `\`${run.entry}\``;
}

/** What happened to a run, in words; names the export that trapped when it is not the entry point itself. */
export function describeOutcome(run: Pick<EntryRun, 'entry' | 'outcome'>): string {
  const outcome: RunOutcome = run.outcome;
  switch (outcome.kind) {
    case 'returned':
      return 'returned';
    case 'exited':
      return `called proc_exit(${outcome.code})`;
    case 'trapped':
      return `trapped${outcome.during === run.entry ? '' : ` in \`${outcome.during}\``} (${outcome.trap.kind}): ${outcome.trap.message}`;
    case 'not-instantiated':
      return `could not be instantiated (${outcome.trap.kind}): ${outcome.trap.message}`;
  }
}

/** The evidence of one run. */
export function runEvidence(run: EntryRun): Record<string, unknown> {
  const logs = run.host.logs.slice(0, MAX_LOGS).map((l) => ({ level: LOG_LEVELS[l.level] ?? l.level, text: l.text === null ? null : clip(l.text) }));
  return {
    entry: run.entry,
    events: run.events,
    outcome: run.outcome,
    logs,
    ...(run.host.logCount > logs.length ? { moreLogs: run.host.logCount - logs.length } : {}),
    envReads: run.host.envReads,
    hostCalls: run.hostCalls.slice(0, MAX_CALLS),
    ...(run.hostCallCount > MAX_CALLS ? { moreHostCalls: run.hostCallCount - MAX_CALLS } : {}),
    ...(run.stdout.length > 0 ? { stdout: clip(new TextDecoder().decode(run.stdout)) } : {}),
  };
}
