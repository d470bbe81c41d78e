/**
 * `capability.host-call-arguments`: every `ft_*` call hands the host arguments it can honour:
 * pointer/length pairs inside memory, strings in valid UTF-8, log levels 0 (trace) to 4 (error).
 * FrankenTerm turns a bad message into an empty log line and a bad key into -1 without a word;
 * plugcheck answers the same way, so the plugin runs on unchanged, and reports the call
 * (spec-decisions "frankenterm": a pointer outside memory is a failure).
 */
import { runLabel } from '../../profiles/frankenterm/describe-run.js';
import { entryPointRuns } from '../../profiles/frankenterm/entry-point-runs.js';
import type { HostCallFinding } from '../../profiles/frankenterm/frankenterm-host.js';
import { LOG_LEVELS } from '../../profiles/frankenterm/frankenterm-host.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

function describe(finding: HostCallFinding): string {
  if (finding.kind === 'log-level') return `ft_log level ${finding.level} is outside 0 (trace) … ${LOG_LEVELS.length - 1} (error)`;
  const { fault } = finding;
  return fault.kind === 'out-of-bounds'
    ? `${finding.call} ${finding.argument} = ${fault.ptr}/${fault.len} lies outside memory (${fault.memoryBytes} bytes)`
    : `${finding.call} ${finding.argument} = ${fault.ptr}/${fault.len} is not valid UTF-8 (first bad byte at offset ${fault.firstBadByte})`;
}

const FIXES: Readonly<Record<HostCallFinding['kind'], string>> = {
  memory: 'pass the address and byte length of a live, UTF-8 encoded buffer (a Rust &str or a C string with its strlen)',
  'log-level': 'log with level 0 (trace), 1 (debug), 2 (info), 3 (warn) or 4 (error)',
};

export default defineCheck({
  id: 'capability.host-call-arguments',
  title: 'Host calls pass in-bounds pointers, UTF-8 strings and valid log levels',
  specRef: 'seed 003 §Host function ABI (ft_log levels 0..4, pointer/length pairs); seed-systems §4.2; spec-decisions "frankenterm" (out-of-bounds host call is a failure)',
  appliesTo: ['frankenterm'],
  dependsOn: ['lifecycle.entry-points-run'],
  run(ctx) {
    const { runs } = entryPointRuns(ctx);
    const findings = runs.flatMap((r) => r.host.findings.map((f) => ({ run: r, finding: f })));
    const first = findings[0];
    if (first !== undefined) {
      return fail(findings.map(({ run, finding }) => `${runLabel(run)}: ${describe(finding)}`).join('; '), {
        findings: findings.map(({ run, finding }) => ({ entry: run.entry, events: run.events, ...finding })),
        fix: FIXES[first.finding.kind],
      });
    }
    const calls = runs.flatMap((r) => r.hostCalls.filter((c) => /\.ft_[a-z_]+$/.test(c.import)));
    if (calls.length === 0) return pass('the plugin makes no ft_* call');
    return pass(`${calls.length} ft_* calls, each with in-bounds pointers, UTF-8 strings and log levels 0..4`, {
      calls: calls.length,
      byFunction: Object.fromEntries([...new Set(calls.map((c) => c.import))].map((name) => [name, calls.filter((c) => c.import === name).length])),
    });
  },
});
