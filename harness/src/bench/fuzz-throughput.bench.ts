/**
 * Fuzz throughput: checked calls per second of `fuzz.valid-inputs` itself — its loop as
 * `plugcheck test` runs it (run-fuzz-check.ts: fast-check's runner, the case noted for the
 * watchdog, the check's own judge: input validated, call, output parsed and validated) on the good
 * bifrost-v2 plugin's `pre_hook`, over freshly generated schema-valid inputs padded to ~1 KiB on
 * average — beside the raw floor's calls per second at 1 KiB in the same run. Goal: at least half
 * the floor.
 *
 * One sample is one run of the check's loop with its default number of cases (a new seed each), on
 * one long-lived instance as the check keeps; the floor's sample is the same number of raw calls.
 *
 * Two floors: the raw round trip of the standard ~1 KiB payload (the goal's reference), and the raw
 * round trip of inputs drawn from the same generator beforehand. Generated inputs are escape- and
 * Unicode-heavy on purpose, which costs the plugin's own parser more than the bland standard
 * payload; the second floor charges that to the plugin, so the ratio against it is what plugcheck
 * itself (generation, runner, host, validation) adds.
 */
import { MessageChannel } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { bifrostFuzzSubject } from '../checks/fuzz/define-bifrost-fuzz-check.js';
import { hookInputs } from '../checks/fuzz/fuzz-arbitraries.js';
import { validCase } from '../checks/fuzz/fuzz-case.js';
import type { FuzzCase } from '../checks/fuzz/fuzz-case.js';
import { runFuzzCheck } from '../checks/fuzz/run-fuzz-check.js';
import { validInputsDefinition } from '../checks/fuzz/valid-inputs.js';
import { exportedHooks } from '../checks/schema/contract-session.js';
import { CheckContext } from '../engine/check-context.js';
import type { RunOptions } from '../engine/check-context.js';
import { DEFAULT_FUZZ_RUNS } from '../fuzz/fuzz-settings.js';
import { generation } from '../fuzz/schema-arbitrary.js';
import { Heartbeat } from '../host/heartbeat.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import { inspectModule } from '../wasm/index.js';
import { BENCH_PLUGIN } from './bench-caller.js';
import { compareWithFloor } from './compare-with-floor.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

const TARGET_BYTES = 1024;
/** Cases per measured sample, on both paths: what one fuzz check runs by default (`--runs`). */
const BATCH = DEFAULT_FUZZ_RUNS;
/** One case in this many has its input's UTF-8 size measured for the report. */
const SIZE_SAMPLING = 32;
const CHECK = validInputsDefinition.id;

/**
 * One padding string, sized once so that generated documents average ~1 KiB: measuring each
 * document to pad it exactly would add a second JSON.stringify per case that no fuzz run makes.
 */
function paddingFor(arbitrary: fc.Arbitrary<unknown>): string {
  const sample = fc.sample(arbitrary, { numRuns: 2000, seed: 0 });
  const mean = sample.reduce((sum: number, doc) => sum + Buffer.byteLength(JSON.stringify(doc)), 0) / sample.length;
  return 'x'.repeat(Math.max(0, Math.round(TARGET_BYTES - mean - ',"Pad":{"pad":""}'.length)));
}

// The padding goes into `request`, where both dialects allow an extra member (`pad` in doc-flat,
// a capitalised object member in go-default), like the floor's payload, whose bulk is in the
// request too: the plugin echoes `context` into its answer, and padding there would double the
// output and make the comparison unequal. It is added to the generated document itself (a fresh
// value per case, owned by this run) before the case is made from it.
function padded(document: unknown, padding: string): unknown {
  const request = (document as { request: Record<string, unknown> }).request;
  if (generation(document)?.dialect === 'go-default') request['Pad'] = { pad: padding };
  else request['pad'] = padding;
  return document;
}

/** Runs the fuzz-throughput benchmark. */
export async function runFuzzThroughput(): Promise<void> {
  const bytes = new Uint8Array(await readFile(BENCH_PLUGIN));
  const info = inspectModule(bytes);
  // As a plugin worker builds it (host/worker-entry.ts): the heartbeat takes each case's number,
  // and evidence is posted over a real message port.
  const { port1, port2 } = new MessageChannel();
  port2.unref();
  const context = (options: RunOptions) =>
    new CheckContext({ bytes, module: info, profile: bifrostV2, dialect: bifrostV2.detectDialect(info), options, heartbeat: new Heartbeat(), notePending: (evidence) => port1.postMessage(evidence) });
  const first = context({ seed: 1, fuzzRuns: BATCH });
  const hook = exportedHooks(first, bifrostV2).find((h) => h.hook.name === 'pre_hook');
  if (hook === undefined) throw new Error(`${BENCH_PLUGIN} does not export pre_hook`);
  const inputs = hookInputs('bifrost-v2', 'pre_hook');
  const padding = paddingFor(inputs);
  let sizes = 0;
  let cases = 0;
  let sized = 0;
  const measured = inputs.map((document): FuzzCase => {
    const made = validCase(hook, padded(document, padding));
    // The input's size is the bench's own bookkeeping: one case in SIZE_SAMPLING is measured.
    if (cases++ % SIZE_SAMPLING === 0) {
      sizes += Buffer.byteLength(made.payloads[0] ?? '');
      sized++;
    }
    return made;
  });
  const subject = bifrostFuzzSubject(first, validInputsDefinition, measured);
  let seed = 1;
  const fuzzBatch = () => {
    const outcome = runFuzzCheck(context({ seed: seed++, fuzzRuns: BATCH, fuzzTimeMs: 3_600_000 }), CHECK, subject);
    if (outcome.status !== 'passed') throw new Error(`the fuzz batch failed: ${outcome.message}`);
  };
  const floor = rawRoundTrip(new WebAssembly.Module(bytes), 'pre_hook');
  const input = preHookInput(TARGET_BYTES);
  const floorBatch = () => {
    for (let i = 0; i < BATCH; i++) floor(input);
  };
  // Drawn with another seed than the measured runs, so the pool is not the measured cases replayed.
  const pool = fc.sample(inputs, { numRuns: 4096, seed: 0x5eed }).map((doc) => padded(doc, padding));
  let next = 0;
  const sameInputsFloorBatch = () => {
    for (let i = 0; i < BATCH; i++) floor(pool[next++ % pool.length]);
  };
  const summaries = await compareWithFloor({
    title: `fuzz throughput — ${CHECK}'s loop on pre_hook, generated ~${TARGET_BYTES} B inputs, ${BATCH} cases per sample, ${BENCH_PLUGIN.split('/').pop() ?? ''}`,
    paths: [
      { name: 'generate+call+check', fn: fuzzBatch },
      { name: 'raw, same inputs', fn: sameInputsFloorBatch },
    ],
    floor: { name: 'raw floor', fn: floorBatch },
    goal: 'goal ≤ 2× (at least half the floor\'s calls per second)',
    callsPerRun: BATCH,
    // Seven rounds, not five: a fuzz sample collects more garbage than a floor sample, and the odd
    // round that takes a major collection moves a median of five more than one of seven.
    rounds: 7,
  });
  const perSecond = (meanUs: number) => Math.round((BATCH * 1e6) / meanUs);
  for (const s of summaries) process.stdout.write(`${s.name}: ${perSecond(s.meanUs)} calls/s\n`);
  const fuzz = summaries.find((s) => s.name === 'generate+call+check');
  const same = summaries.find((s) => s.name === 'raw, same inputs');
  if (fuzz !== undefined && same !== undefined) {
    process.stdout.write(`against the raw floor over the same generated inputs: ${(fuzz.ratio / same.ratio).toFixed(3)}× (what plugcheck adds; the plugin's own cost on these inputs is ${same.ratio.toFixed(3)}× the standard payload's)\n`);
  }
  process.stdout.write(`mean generated input: ${Math.round(sizes / Math.max(1, sized))} B (measured on ${sized} of ${cases} generated cases)\n`);
  port1.close();
}
