/**
 * Fuzz throughput: checked calls per second — generate a fresh schema-valid `pre_hook` input
 * (padded to ~1 KiB on average), call it through plugcheck's host, validate input and output
 * against the schemas (fuzz/checked-hook-call.ts, as the fuzz checks do) — on the good bifrost-v2
 * plugin, beside the raw floor's calls per second at 1 KiB. Goal: at least half the floor.
 *
 * The fuzz path is driven by fast-check's own runner (`fc.check` over the hook's input arbitrary,
 * as the fuzz checks run it), so its per-case overhead is measured too; every case is generated
 * anew, nothing is pooled. One sample is a batch of {@link BATCH} cases on both paths, so the
 * runner's setup is amortised as in a real fuzz run and the ratio compares like with like.
 *
 * Two floors: the raw round trip of the standard ~1 KiB payload (the goal's reference), and the raw
 * round trip of inputs drawn from the same generator beforehand. Generated inputs are escape- and
 * Unicode-heavy on purpose, which costs the plugin's own parser more than the bland standard
 * payload; the second floor charges that to the plugin, so the ratio against it is what plugcheck
 * itself (generation, runner, host, validation) adds.
 */
import fc from 'fast-check';
import { hookInputs } from '../checks/fuzz/fuzz-arbitraries.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import type { HookSpec } from '../profiles/profile.js';
import { checkedHookCall } from '../fuzz/checked-hook-call.js';
import { generatedDialect } from '../fuzz/schema-arbitrary.js';
import { BENCH_PLUGIN, benchCaller } from './bench-caller.js';
import { compareWithFloor } from './compare-with-floor.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

const TARGET_BYTES = 1024;
/** Cases per measured sample, on both paths: enough to amortise the runner's setup, few enough for hundreds of samples per round. */
const BATCH = 50;
/** One case in this many has its input's UTF-8 size measured for the report. */
const SIZE_SAMPLING = 32;
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
// value per case, owned by this run) rather than to copies of it: copying is the bench's own
// scaffolding, which no fuzz run pays.
function padded(document: unknown, dialect: string | undefined, padding: string): unknown {
  const request = (document as { request: Record<string, unknown> }).request;
  if (dialect === 'go-default') request['Pad'] = { pad: padding };
  else request['pad'] = padding;
  return document;
}

/** Runs the fuzz-throughput benchmark. */
export async function runFuzzThroughput(): Promise<void> {
  const { caller, module } = await benchCaller();
  const hook = bifrostV2.hooks.find((h) => h.name === 'pre_hook') as HookSpec;
  let sizes = 0;
  let calls = 0;
  let sized = 0;
  let seed = 1;
  const inputs = hookInputs('bifrost-v2', 'pre_hook');
  const padding = paddingFor(inputs);
  const checkedCall = (document: unknown): boolean => {
    const dialect = generatedDialect(document);
    const value = padded(document, dialect, padding);
    const answer = checkedHookCall(caller, 'bifrost-v2', hook, 'pre_hook', [value], dialect, 'pre_hook fuzz bench');
    if (answer.output.kind !== 'checked' || !answer.output.verdict.ok) throw new Error(`pre_hook failed on ${JSON.stringify(value).slice(0, 200)}`);
    // The input's size is the bench's own bookkeeping, not the fuzz path: measuring every 1 KiB
    // text again cost several per cent of a case, so one case in SIZE_SAMPLING is measured.
    if (calls % SIZE_SAMPLING === 0) {
      sizes += Buffer.byteLength(answer.inputs[0] ?? '');
      sized++;
    }
    calls++;
    return true;
  };
  const property = fc.property(inputs, checkedCall);
  const fuzzBatch = () => {
    const details = fc.check(property, { seed: seed++, numRuns: BATCH });
    if (details.failed) throw new Error(`the fuzz batch failed: ${String(details.errorInstance)}`);
  };
  const floor = rawRoundTrip(module, 'pre_hook');
  const input = preHookInput(TARGET_BYTES);
  const floorBatch = () => {
    for (let i = 0; i < BATCH; i++) floor(input);
  };
  // Drawn with another seed than the measured runs, so the pool is not the measured cases replayed.
  const pool = fc.sample(inputs, { numRuns: 4096, seed: 0x5eed }).map((doc) => padded(doc, generatedDialect(doc), padding));
  let next = 0;
  const sameInputsFloorBatch = () => {
    for (let i = 0; i < BATCH; i++) floor(pool[next++ % pool.length]);
  };
  const summaries = await compareWithFloor({
    title: `fuzz throughput — pre_hook, generated ~${TARGET_BYTES} B inputs, ${BATCH} cases per sample, ${BENCH_PLUGIN.split('/').pop() ?? ''}`,
    paths: [
      { name: 'generate+call+check', fn: fuzzBatch },
      { name: 'raw, same inputs', fn: sameInputsFloorBatch },
    ],
    floor: { name: 'raw floor', fn: floorBatch },
    goal: 'goal ≤ 2× (at least half the floor\'s calls per second)',
  });
  const perSecond = (meanUs: number) => Math.round((BATCH * 1e6) / meanUs);
  for (const s of summaries) process.stdout.write(`${s.name}: ${perSecond(s.meanUs)} calls/s\n`);
  const fuzz = summaries.find((s) => s.name === 'generate+call+check');
  const same = summaries.find((s) => s.name === 'raw, same inputs');
  if (fuzz !== undefined && same !== undefined) {
    process.stdout.write(`against the raw floor over the same generated inputs: ${(fuzz.ratio / same.ratio).toFixed(3)}× (what plugcheck adds; the plugin's own cost on these inputs is ${same.ratio.toFixed(3)}× the standard payload's)\n`);
  }
  process.stdout.write(`mean generated input: ${Math.round(sizes / Math.max(1, sized))} B (measured on ${sized} of ${calls} generated cases)\n`);
}
