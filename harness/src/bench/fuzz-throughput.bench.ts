/**
 * Fuzz throughput: checked calls per second — generate a schema-valid `pre_hook` input (padded to
 * ~1 KiB), call it through plugcheck's host, validate input and output against the schemas — on the
 * good bifrost-v2 plugin, beside the raw floor's calls per second at the same size. Goal: at least
 * half the floor.
 */
import fc from 'fast-check';
import { hookInputs } from '../checks/fuzz/fuzz-arbitraries.js';
import { bifrostV2 } from '../profiles/bifrost-v2/index.js';
import type { HookSpec } from '../profiles/profile.js';
import { callHookValidated } from '../schema/validated-hook-call.js';
import { compareWithFloor } from './compare-with-floor.js';
import { BENCH_PLUGIN, benchCaller } from './bench-caller.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

const TARGET_BYTES = 1024;
/** Values generated per fast-check sample call; generation is amortised over them, and measured. */
const BATCH = 256;

// `context` is a free-form map in every dialect, so padding it keeps the document valid.
function padded(document: unknown): unknown {
  const doc = document as { context: Record<string, unknown> };
  const size = Buffer.byteLength(JSON.stringify(doc));
  return size >= TARGET_BYTES ? doc : { ...doc, context: { ...doc.context, pad: 'x'.repeat(Math.max(0, TARGET_BYTES - size - 9)) } };
}

/** Runs the fuzz-throughput benchmark. */
export async function runFuzzThroughput(): Promise<void> {
  const { caller, module } = await benchCaller();
  const hook = bifrostV2.hooks.find((h) => h.name === 'pre_hook') as HookSpec;
  const inputs = hookInputs('bifrost-v2', 'pre_hook').map(padded);
  let pool: unknown[] = [];
  let seed = 1;
  let sizes = 0;
  let calls = 0;
  const checkedCall = () => {
    if (pool.length === 0) pool = fc.sample(inputs, { numRuns: BATCH, seed: seed++ });
    const value = pool.pop();
    const answer = callHookValidated(caller, 'bifrost-v2', hook, 'pre_hook', { kind: 'values', values: [value] }, 'pre_hook fuzz bench');
    if (answer.output.kind !== 'checked' || !answer.output.verdict.ok) throw new Error(`pre_hook failed on ${JSON.stringify(value).slice(0, 200)}`);
    sizes += answer.inputs[0]?.length ?? 0;
    calls++;
    return answer;
  };
  const floor = rawRoundTrip(module, 'pre_hook');
  const input = preHookInput(TARGET_BYTES);
  const summaries = await compareWithFloor({
    title: `fuzz throughput — pre_hook, generated ~${TARGET_BYTES} B inputs, ${BENCH_PLUGIN.split('/').pop() ?? ''}`,
    paths: [{ name: 'generate+call+check', fn: checkedCall }],
    floor: { name: 'raw floor', fn: () => floor(input) },
    goal: 'goal ≤ 2× (at least half the floor\'s calls per second)',
  });
  const perSecond = (meanUs: number) => Math.round(1e6 / meanUs);
  for (const s of summaries) process.stdout.write(`${s.name}: ${perSecond(s.meanUs)} calls/s\n`);
  process.stdout.write(`mean generated input: ${Math.round(sizes / Math.max(1, calls))} B\n`);
}
