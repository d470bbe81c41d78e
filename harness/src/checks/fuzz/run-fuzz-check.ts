/**
 * The body every fuzz check shares, whatever the plugin family: generate cases, judge each, and on
 * a failure let fast-check shrink the case to a minimal one, judge the minimal case again on a fresh
 * instance, and report the seed, the shrink path, the plugin's sha256 and a replay bundle. Before
 * each case the watchdog is told what is about to be sent, so a case that hangs still comes with
 * its bundle. With `options.replay` the check sends exactly the bundle's case instead.
 */
import type { Arbitrary } from 'fast-check';
import type { CheckContext } from '../../engine/check-context.js';
import { fuzzSettings } from '../../fuzz/fuzz-settings.js';
import type { FuzzSettings } from '../../fuzz/fuzz-settings.js';
import type { ReplayCall } from '../../fuzz/replay-bundle.js';
import { runProperty, runPropertyAsync } from '../../fuzz/run-property.js';
import type { PropertyRun } from '../../fuzz/run-property.js';
import { fail, pass } from '../../report/check-result.js';
import type { CheckOutcome, Evidence } from '../../report/check-result.js';
import { notePending, pendingEvidence, pluginSha256, replayBundle } from './fuzz-bundle.js';
import type { ShownCase } from './fuzz-bundle.js';

/** What a judged case came to: nothing wrong, or what is wrong with evidence. */
export type CaseVerdict = { readonly ok: true } | { readonly ok: false; readonly problem: string; readonly evidence: Evidence };

/** What one fuzz check fuzzes, for one plugin family; `V` is a verdict, or a promise of one for asynchronous calls. */
export interface FuzzSubject<C, V extends CaseVerdict | Promise<CaseVerdict> = CaseVerdict> {
  /** What one case is, for messages: "schema-valid input". */
  readonly what: string;
  /** What the cases go to, for the pass message: "5 hooks". */
  readonly targets: string;
  readonly fix: string;
  /** How many of the run's cases this subject makes (each case may be costly): a divisor, default 1. */
  readonly runsShare?: number;
  readonly cases: Arbitrary<C>;
  /** Judges one case; `fresh` asks for a new instance (the minimal case, a replay). */
  judge(fuzzCase: C, fresh: boolean): V;
  /** The call a replay bundle makes for the case. */
  call(fuzzCase: C): ReplayCall;
  /** The case a bundle's call describes, or a reason it cannot be made on this plugin. */
  fromCall(call: ReplayCall): C | string;
  show(fuzzCase: C): ShownCase;
}

// The replayed case's outcome, or undefined when the run is not a replay.
function replayed<C>(ctx: CheckContext, check: string, subject: FuzzSubject<C, CaseVerdict | Promise<CaseVerdict>>): { readonly outcome: CheckOutcome } | { readonly fuzzCase: C; readonly shown: ShownCase } | undefined {
  const replay = ctx.options.replay;
  if (replay === undefined) return undefined;
  const fuzzCase = subject.fromCall(replay);
  if (typeof fuzzCase === 'string') return { outcome: fail(`the replay bundle cannot be replayed on this plugin: ${fuzzCase}`, { call: replay.export }) };
  const shown = subject.show(fuzzCase);
  notePending(ctx, check, { seed: ctx.options.seed, runs: 1 }, subject.call(fuzzCase), shown);
  return { fuzzCase, shown };
}

function replayOutcome(subject: { readonly what: string }, shown: ShownCase, verdict: CaseVerdict): CheckOutcome {
  if (verdict.ok) return pass(`the replayed ${subject.what} to \`${shown.export}\` was answered correctly: ${shown.input.slice(0, 300)}`);
  return fail(`replayed: ${verdict.problem}`, { input: shown.input, ...verdict.evidence });
}

// The predicate fast-check runs: tells the watchdog what is coming, then judges. fast-check's path
// to a generated case is its index, and the seed and index regenerate the case: during the search
// only the index is noted (one store; posting the case and its bundle cost twice the call), and the
// watchdog has a hanging case rebuilt and shrunk (`hangPath`). A case tried while shrinking has no
// index of its own, so it is posted whole.
function predicate<C, V extends CaseVerdict | Promise<CaseVerdict>>(ctx: CheckContext, check: string, subject: FuzzSubject<C, V>, seed: number): (c: C) => V {
  let tried = 0;
  let shrinking = false;
  return (c) => {
    if (shrinking) notePending(ctx, check, { seed, runs: tried + 1 }, subject.call(c), subject.show(c));
    else ctx.notePendingRun(tried);
    tried++;
    const verdict = subject.judge(c, false);
    const settle = (v: CaseVerdict) => {
      shrinking ||= !v.ok;
      return v;
    };
    return (verdict instanceof Promise ? verdict.then(settle) : settle(verdict)) as V;
  };
}

function runsOf(subject: { readonly runsShare?: number }, settings: FuzzSettings): FuzzSettings {
  return { ...settings, runs: Math.max(1, Math.ceil(settings.runs / (subject.runsShare ?? 1))) };
}

function held(subject: { readonly what: string; readonly targets: string }, run: Extract<PropertyRun<unknown>, { kind: 'held' }>, settings: FuzzSettings): CheckOutcome {
  const budget = run.interrupted ? ` (stopped by the ${settings.timeMs} ms budget)` : '';
  return pass(`${run.runs} ${subject.what}s to ${subject.targets} answered correctly${budget} (seed ${settings.seed})`);
}

// The failure report of a falsified run; `again` is the minimal case judged on a fresh instance.
function falsified<C>(ctx: CheckContext, check: string, subject: FuzzSubject<C, CaseVerdict | Promise<CaseVerdict>>, run: Extract<PropertyRun<C>, { kind: 'falsified' }>, again: CaseVerdict): CheckOutcome {
  const minimal = run.counterexample;
  const shown = subject.show(minimal);
  const sha256 = pluginSha256(ctx);
  const problem = again.ok ? 'it answered correctly on a fresh instance but not after the cases before it (state carried between calls)' : again.problem;
  const bundle = replayBundle(ctx, check, run, subject.call(minimal), { status: 'failed', message: problem });
  return fail(
    `${shown.mutation === 'valid' ? `a ${subject.what}` : `an input mutated by \`${shown.mutation}\``} to \`${shown.export}\` failed after ${run.runs} cases, shrunk in ${run.shrinks} steps to ${shown.input.slice(0, 300)} — ${problem}. ` +
      `seed ${run.seed}, shrink path "${run.path}", plugin sha256 ${sha256}; replay: plugcheck replay <report dir>/repro-${check}.json`,
    {
      seed: run.seed,
      shrinkPath: run.path,
      runs: run.runs,
      shrinks: run.shrinks,
      pluginSha256: sha256,
      export: shown.export,
      mutation: shown.mutation,
      input: shown.input,
      ...(again.ok ? {} : again.evidence),
      replayBundle: bundle,
      fix: subject.fix,
    },
  );
}

// The predicate of a hang-shrinking run (`options.hangPath`, host/worker-runner.ts): fast-check
// replays the case at `path`, which never returned; it is noted and declared failing without a call,
// so fast-check tries its shrink candidates next, in order (`path:0`, `path:1`, …). Each is noted
// with its path, then sent; whatever it answers counts as passing, since only a candidate that hangs
// too is a smaller case of the same failure — and that one stops the worker, and the watchdog starts
// again from it. When none hangs, the case at `path` is minimal and its evidence is the outcome.
function hangShrinker<C>(ctx: CheckContext, check: string, subject: FuzzSubject<C, CaseVerdict | Promise<CaseVerdict>>, seed: number, path: string) {
  let evidence: Record<string, unknown> | undefined;
  let candidate = 0;
  const runs = Number(path.split(':')[0]) + 1;
  return {
    // Returns what the judge returns, resolved to `true` (a promise for asynchronous subjects).
    holds: (c: C): boolean | Promise<boolean> => {
      if (evidence === undefined) {
        evidence = pendingEvidence(ctx, check, { seed, runs, path }, subject.call(c), subject.show(c));
        ctx.notePending(evidence);
        return false;
      }
      notePending(ctx, check, { seed, runs, path: `${path}:${candidate++}` }, subject.call(c), subject.show(c));
      const verdict = subject.judge(c, false);
      return verdict instanceof Promise ? verdict.then(() => true) : true;
    },
    settings: (settings: FuzzSettings): FuzzSettings => ({ ...settings, path, timeMs: Number.MAX_SAFE_INTEGER }),
    outcome: (): CheckOutcome =>
      evidence === undefined ? fail(`the case at path "${path}" of seed ${seed} could not be regenerated`, { path }) : pass(`no shrink candidate of the case at path "${path}" hangs`, { ...evidence, candidates: candidate }),
  };
}

/** Runs the fuzz check `check` over `subject`. */
export function runFuzzCheck<C>(ctx: CheckContext, check: string, subject: FuzzSubject<C>): CheckOutcome {
  const hangPath = ctx.options.hangPath;
  if (hangPath !== undefined) {
    const h = hangShrinker(ctx, check, subject, fuzzSettings(ctx.options).seed, hangPath);
    runProperty(subject.cases, (c) => h.holds(c) === true, h.settings(fuzzSettings(ctx.options)));
    return h.outcome();
  }
  const replay = replayed(ctx, check, subject);
  if (replay !== undefined) return 'outcome' in replay ? replay.outcome : replayOutcome(subject, replay.shown, subject.judge(replay.fuzzCase, true));
  const settings = fuzzSettings(ctx.options);
  const judge = predicate(ctx, check, subject, settings.seed);
  const run = runProperty(subject.cases, (c) => judge(c).ok, runsOf(subject, settings));
  return run.kind === 'held' ? held(subject, run, settings) : falsified(ctx, check, subject, run, subject.judge(run.counterexample, true));
}

/** {@link runFuzzCheck} for a subject whose calls are asynchronous (the Extism runtime). */
export async function runFuzzCheckAsync<C>(ctx: CheckContext, check: string, subject: FuzzSubject<C, Promise<CaseVerdict>>): Promise<CheckOutcome> {
  const hangPath = ctx.options.hangPath;
  if (hangPath !== undefined) {
    // The asynchronous runner, as the check's own run uses: the same sequence of cases for sure.
    const h = hangShrinker(ctx, check, subject, fuzzSettings(ctx.options).seed, hangPath);
    await runPropertyAsync(subject.cases, async (c) => h.holds(c), h.settings(fuzzSettings(ctx.options)));
    return h.outcome();
  }
  const replay = replayed(ctx, check, subject);
  if (replay !== undefined) return 'outcome' in replay ? replay.outcome : replayOutcome(subject, replay.shown, await subject.judge(replay.fuzzCase, true));
  const settings = fuzzSettings(ctx.options);
  const judge = predicate(ctx, check, subject, settings.seed);
  const run = await runPropertyAsync(subject.cases, async (c) => (await judge(c)).ok, runsOf(subject, settings));
  return run.kind === 'held' ? held(subject, run, settings) : falsified(ctx, check, subject, run, await subject.judge(run.counterexample, true));
}
