/**
 * Runs a job in a plugin worker under a watchdog. The main thread polls the shared heartbeat;
 * when a guest call or instantiation overruns its limit it terminates the worker, records the
 * running check as `timed-out`, and starts a fresh worker on the next check. A worker that dies
 * (out of memory, a crash) costs only the check it was running. Results arrive one by one, so
 * none is lost.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerMessage } from '../engine/worker-job.js';
import type { CheckResult, CheckStatus } from '../report/check-result.js';
import { Heartbeat } from './heartbeat.js';
import { workerScriptUrl } from './worker-script.js';

/** How often the watchdog looks at the heartbeat. */
export const WATCHDOG_INTERVAL_MS = 20;

/** Called with each result as soon as it exists. */
export type ResultListener = (result: CheckResult, index: number) => void;

// `pendingRun`: the fuzz case the stopped check was on, noted by number only (heartbeat.ts).
type Segment = { kind: 'done' } | { kind: 'stopped'; index: number; result: CheckResult; pendingRun?: number };

function runSegment(job: WorkerJob, onResult: (index: number, result: CheckResult) => void): Promise<Segment> {
  const heartbeat = new Heartbeat();
  heartbeat.setCheck(job.startIndex);
  const worker = new Worker(workerScriptUrl(), { workerData: { job, heartbeat: heartbeat.buffer } });
  // The last pending evidence per check (worker-job.ts): what a call that never returns was sent.
  const pending = new Map<number, Readonly<Record<string, unknown>>>();
  return new Promise<Segment>((resolve) => {
    let settled = false;
    const finish = (segment: Segment) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      void worker.terminate();
      resolve(segment);
    };
    const timer = setInterval(() => {
      const beat = heartbeat.read();
      if (beat.phase === 'idle') return;
      const elapsedMs = Date.now() - beat.startedAt;
      if (elapsedMs <= beat.timeoutMs) return;
      finish({
        kind: 'stopped',
        index: beat.checkIndex,
        ...(beat.pendingRun === undefined ? {} : { pendingRun: beat.pendingRun }),
        result: {
          check: job.checkIds[beat.checkIndex] ?? '?',
          status: 'timed-out',
          message: `${beat.phase === 'call' ? `call \`${beat.label}\`` : 'instantiation'} did not return within ${beat.timeoutMs} ms; the worker was terminated and replaced`,
          evidence: { ...pending.get(beat.checkIndex), phase: beat.phase, call: beat.label, timeoutMs: beat.timeoutMs, elapsedMs },
          durationMs: elapsedMs,
        },
      });
    }, WATCHDOG_INTERVAL_MS);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'result') {
        pending.delete(message.index);
        onResult(message.index, message.result);
      } else if (message.type === 'pending') pending.set(message.index, message.evidence);
      else finish({ kind: 'done' });
    });
    const crashed = (why: string) => {
      const index = heartbeat.read().checkIndex;
      finish({
        kind: 'stopped',
        index,
        result: {
          check: job.checkIds[index] ?? '?',
          status: 'errored',
          message: `the plugin worker died while running this check: ${why}`,
          evidence: { reason: why },
          durationMs: 0,
        },
      });
    };
    worker.on('error', (error) => crashed(error.message));
    worker.on('exit', (code) => crashed(`worker exited with code ${code}`));
  });
}

/** Hanging shrink candidates followed at most: each costs one call's time limit. */
export const MAX_HANG_SHRINKS = 16;
/** No further hanging candidate is followed once shrinking a hang has taken this long, ms. */
export const HANG_SHRINK_BUDGET_MS = 30_000;

/**
 * The timed-out result of a fuzz check that noted only the number of the case it was sending,
 * with that case found again and shrunk. A fresh worker regenerates the case from the seed (calling
 * nothing) and sends its shrink candidates, each noted first; a candidate that hangs too stops that
 * worker and becomes the case the next worker starts from. When no candidate of a case hangs (or the
 * step or time budget is spent), that case — minimal — and its replay bundle join the result.
 */
async function shrinkHang(job: WorkerJob, index: number, result: CheckResult, run: number, known: Readonly<Record<string, CheckStatus>>): Promise<CheckResult> {
  if (!('evidence' in result)) return result;
  const check = job.checkIds[index] ?? '?';
  const started = Date.now();
  let path = String(run);
  let found: Readonly<Record<string, unknown>> | undefined;
  let shrinks = 0;
  let stoppedBy: 'minimal' | 'step limit' | 'time limit' | 'replay failed' = 'minimal';
  for (;;) {
    let outcome: CheckResult | undefined;
    const segment = await runSegment({ ...job, checkIds: [check], startIndex: 0, known: { ...known }, options: { ...job.options, hangPath: path } }, (_i, r) => {
      outcome = r;
    });
    if (segment.kind === 'done') {
      if (outcome?.status === 'passed' && outcome.evidence !== undefined) found = outcome.evidence;
      else stoppedBy = 'replay failed';
      break;
    }
    // The candidate that hung too, as the worker noted it before sending it.
    const hung = 'evidence' in segment.result ? segment.result.evidence : undefined;
    const next = hung?.['shrinkPath'];
    if (typeof next !== 'string' || next === path || hung === undefined) {
      stoppedBy = 'replay failed';
      break;
    }
    path = next;
    found = hung;
    shrinks++;
    if (shrinks >= MAX_HANG_SHRINKS) {
      stoppedBy = 'step limit';
      break;
    }
    if (Date.now() - started >= HANG_SHRINK_BUDGET_MS) {
      stoppedBy = 'time limit';
      break;
    }
  }
  const { phase: _phase, call: _call, timeoutMs: _timeout, elapsedMs: _elapsed, candidates: _candidates, ...caseEvidence } = found ?? { pendingRun: run, pendingRunError: 'the case could not be regenerated' };
  const stopped = stoppedBy === 'minimal' ? '' : ` (not minimal: ${stoppedBy === 'replay failed' ? 'a case could not be replayed' : `stopped by the ${stoppedBy}`})`;
  const shrunk = shrinks === 0 ? '' : `; shrunk in ${shrinks} step${shrinks === 1 ? '' : 's'} to a case that hangs too${stopped}: ${String(caseEvidence['input'] ?? '').slice(0, 300)}`;
  return {
    ...result,
    message: `${result.message}${shrunk}`,
    evidence: { ...result.evidence, ...caseEvidence, shrinks, shrinkStoppedBy: stoppedBy, shrinkMs: Date.now() - started },
  } as CheckResult;
}

/** Runs every check of the job, replacing the worker as often as needed. */
export async function runInWorker(job: WorkerJob, listener?: ResultListener): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const known: Record<string, CheckStatus> = { ...job.known };
  const record = (index: number, result: CheckResult) => {
    results[index] = result;
    known[result.check] = result.status;
    listener?.(result, index);
  };
  let start = job.startIndex;
  while (start < job.checkIds.length) {
    const segment = await runSegment({ ...job, startIndex: start, known: { ...known } }, record);
    if (segment.kind === 'done') break;
    record(segment.index, segment.pendingRun === undefined ? segment.result : await shrinkHang(job, segment.index, segment.result, segment.pendingRun, known));
    start = segment.index + 1;
  }
  return results.filter((r): r is CheckResult => r !== undefined);
}
