/**
 * `lifecycle.entry-points-run`: everything FrankenTerm calls runs to completion and answers what
 * the host reads, each call in a fresh instance as the host gives every call a new Store. For an
 * extension that is every usable handler the manifest names (a handler answers nothing: it must
 * return). For a configuration module it is `configure`/`configure_len`, whose pointer and
 * length must lie in memory, or `_start`, which must write to stdout; whether those bytes are a
 * UTF-8 JSON object is schema.config-output's finding. A trap is
 * a failure whatever caused it; a module without a manifest that exports neither configuration
 * entry point gives the host nothing to call, which is the host's own error.
 */
import { judgeConfigOutput } from '../../profiles/frankenterm/config-output.js';
import { describeOutcome, runEvidence, runLabel } from '../../profiles/frankenterm/describe-run.js';
import { entryPointRuns } from '../../profiles/frankenterm/entry-point-runs.js';
import type { EntryRun } from '../../profiles/frankenterm/entry-point-runs.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

// wasmtime reports proc_exit as an error from the call even with code 0 (eval_config then fails);
// wasi-libc and Rust commands never call it on a clean exit, Go does. Warn, do not fail.
const EXIT_ZERO_WARNING = 'warning: `_start` ended with proc_exit(0); accepted, but FrankenTerm (wasmtime) reports any proc_exit from `_start` as a failed call, so return from main instead';

/** One run judged: what went wrong (with its fix and evidence), or a summary of what it answered. */
type Judged = { readonly run: EntryRun; readonly problem: string; readonly fix: string; readonly evidence: Record<string, unknown> } | { readonly run: EntryRun; readonly summary: string; readonly evidence: Record<string, unknown> };

const TRAP_FIX = 'an entry point must return normally on every call; report problems through ft_log, never with a trap or a non-zero exit';

function judge(run: EntryRun): Judged {
  const evidence = runEvidence(run);
  const o = run.outcome;
  if (o.kind === 'trapped' || o.kind === 'not-instantiated' || (o.kind === 'exited' && o.code !== 0)) {
    return { run, problem: `${runLabel(run)} ${describeOutcome(run)}`, fix: TRAP_FIX, evidence };
  }
  if (run.events.length > 0) return { run, summary: runLabel(run), evidence };
  const config = judgeConfigOutput(run);
  if (!config.ok) return { run, problem: config.problem, fix: config.fix, evidence: { ...evidence, ...config.evidence } };
  // What the bytes say (UTF-8, one JSON document, an object) is schema.config-output's to judge.
  const exited = o.kind === 'exited' ? `; ${EXIT_ZERO_WARNING}` : '';
  return { run, summary: `${config.summary}${exited}`, evidence: { ...evidence, output: config.output } };
}

export default defineCheck({
  id: 'lifecycle.entry-points-run',
  title: 'Every entry point the host calls runs to completion in a fresh instance and answers what the host reads',
  specRef: 'seed 003 §Exported entry points; seed-systems §4.3 (new Store per call; eval_config: configure() + configure_len() in bounds, UTF-8 JSON, or _start JSON on stdout); spec-decisions "All profiles" (a trap is never acceptable)',
  appliesTo: ['frankenterm'],
  dependsOn: ['lifecycle.instantiate'],
  run(ctx) {
    const { plan, runs } = entryPointRuns(ctx);
    if (plan.kind === 'config' && plan.via === 'none') {
      return fail('the module has no manifest and exports neither `configure() -> i32` nor `_start() -> ()`: FrankenTerm stops with "WASM module exports neither configure() nor _start()"', {
        functionExports: ctx.module.exports.filter((e) => e.kind === 'function').map((e) => e.name),
        fix: 'for a configuration module export configure() and configure_len() giving the address and length of a JSON object, or build a WASI command that prints it; for an extension, pass its extension.toml (or its directory) instead of the .wasm',
      });
    }
    if (runs.length === 0) {
      return skip(
        plan.kind === 'extension' && plan.handlers.length > 0
          ? 'none of the handlers the manifest names is exported as () -> () (see abi.handlers-exported)'
          : 'the manifest binds no handler, so the host calls nothing (see manifest.hooks-declared)',
      );
    }
    const judged = runs.map(judge);
    const bad = judged.filter((j) => 'problem' in j);
    const first = bad[0];
    if (first !== undefined) {
      return fail(bad.map((j) => j.problem).join('; '), {
        failing: bad.map((j) => j.evidence),
        passing: judged.filter((j) => 'summary' in j).map((j) => j.run.entry),
        fix: first.fix,
      });
    }
    const logs = runs.reduce((n, r) => n + r.host.logCount, 0);
    const summaries = judged.map((j) => ('summary' in j ? j.summary : ''));
    return pass(`${runs.length} entry point${runs.length === 1 ? '' : 's'} ran to completion in fresh instances: ${summaries.join(', ')}; ${logs} log lines`, {
      runs: judged.map((j) => j.evidence),
    });
  },
});
