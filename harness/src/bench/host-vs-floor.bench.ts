/**
 * Per-call time of a `pre_hook` call through plugcheck's host (strict UTF-8, bounds checks,
 * heartbeat, tracing) against the raw floor, at a 1 KiB input, on the good bifrost-v2 plugin.
 */
import { BENCH_PLUGIN, benchCaller } from './bench-caller.js';
import { compareWithFloor } from './compare-with-floor.js';
import { preHookInput } from './payload.js';
import { rawRoundTrip } from './raw-floor.js';

// Moved to bench-caller.ts; re-exported so existing imports keep working.
export { BENCH_PLUGIN } from './bench-caller.js';

/** Runs the host-versus-floor benchmark. */
export async function runHostVsFloor(): Promise<void> {
  const { caller, module } = await benchCaller();
  const input = preHookInput(1024);
  const throughHost = () => {
    const call = caller.callHook('pre_hook', [JSON.stringify(input)], 'pre_hook bench');
    if (call.kind !== 'output') throw new Error(`pre_hook failed: ${call.kind}`);
    return JSON.parse(call.text) as unknown;
  };
  const floor = rawRoundTrip(module, 'pre_hook');
  // Both paths must compute the same answer, or the comparison means nothing.
  if (JSON.stringify(throughHost()) !== JSON.stringify(floor(input))) throw new Error('host and floor disagree on the output');
  await compareWithFloor({
    title: `host vs floor — pre_hook, 1024 B input, ${BENCH_PLUGIN.split('/').pop() ?? ''}`,
    paths: [{ name: 'plugcheck host', fn: throughHost }],
    floor: { name: 'raw floor', fn: () => floor(input) },
    goal: 'goal ≤ 1.3×',
  });
}
