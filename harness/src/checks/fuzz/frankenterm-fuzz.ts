/**
 * `fuzz.valid-inputs` for FrankenTerm. Handlers take no arguments and no payload: what a plugin
 * reads from outside is what the host answers its `ft_*` calls with, so that is what is fuzzed.
 * The host presents a generated environment — every variable of the fixture (fixture-env.ts),
 * each unset or set to generated text (empty, non-ASCII, escapes, control characters) or to text
 * several KiB long — and `ft_get_env` / `ft_return_buffer_read` answer from it under the manifest's
 * allow-list, exactly as the host's code does (frankenterm-host.ts). Every entry point the host
 * calls runs in a fresh instance with that environment and must return: a value the host may
 * answer with is never a reason to trap. The replay bundle keeps the environment as the call's input.
 *
 * Log text, the other thing the host touches, flows from the plugin to the host, and
 * `ft_return_buffer_read`'s copy length is decided by the plugin: neither is an answer to fuzz.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { CheckContext } from '../../engine/check-context.js';
import { textArbitrary } from '../../fuzz/schema-arbitrary.js';
import type { ReplayCall } from '../../fuzz/replay-bundle.js';
import { planEntryPoints } from '../../profiles/frankenterm/entry-points.js';
import type { EntryPlan } from '../../profiles/frankenterm/entry-points.js';
import { frankentermInstance } from '../../profiles/frankenterm/entry-point-runs.js';
import { FIXTURE_ENV } from '../../profiles/frankenterm/fixture-env.js';
import { FrankentermHost } from '../../profiles/frankenterm/frankenterm-host.js';
import { pass } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';
import { runFuzzCheck } from './run-fuzz-check.js';
import type { CaseVerdict, FuzzSubject } from './run-fuzz-check.js';

/** An environment: each fixture variable unset (null) or set. */
type Environment = Readonly<Record<string, string | null>>;

/** One entry point run under one environment. */
interface EnvironmentCase {
  readonly entry: string;
  readonly events: readonly string[];
  readonly env: Environment;
}

/** Each case instantiates the plugin afresh: a quarter of the run's cases. */
const RUNS_SHARE = 4;
/** Long values repeat a generated piece up to this many bytes or so: past any fixed buffer a plugin might copy into. */
const LONG_VALUE_BYTES = 4096;

const value: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: textArbitrary(0, 24) },
  { weight: 1, arbitrary: fc.tuple(textArbitrary(1, 8), fc.integer({ min: 64, max: LONG_VALUE_BYTES })).map(([piece, bytes]) => piece.repeat(Math.ceil(bytes / Math.max(1, Buffer.byteLength(piece))))) },
);

const environments: Arbitrary<Environment> = fc.record(Object.fromEntries(Object.keys(FIXTURE_ENV).map((key) => [key, fc.option(value, { nil: null, freq: 4 })])));

function entries(plan: EntryPlan): { name: string; events: readonly string[] }[] {
  if (plan.kind === 'extension') return plan.handlers.filter((h) => h.unusable === undefined).map((h) => ({ name: h.name, events: h.events }));
  return plan.via === 'none' ? [] : [{ name: plan.via, events: [] }];
}

function run(ctx: CheckContext, plan: EntryPlan, c: EnvironmentCase): CaseVerdict {
  const env = Object.fromEntries(Object.entries(c.env).filter((e): e is [string, string] => e[1] !== null));
  const host = new FrankentermHost({ environment: plan.kind === 'extension' ? plan.manifest.environment : [], env });
  const created = frankentermInstance(ctx, host);
  if (!created.ok) return { ok: false, problem: `the plugin did not instantiate (${created.trap.kind}): ${created.trap.message}`, evidence: { trap: created.trap } };
  const called = created.value.call(c.entry, [], `${c.entry} fuzz`);
  if (called.ok || (called.trap.kind === 'wasi-exit' && c.entry === '_start')) return { ok: true };
  const reads = host.envReads.map((r) => ({ key: r.key, outcome: r.outcome, returned: r.returned }));
  return { ok: false, problem: `\`${c.entry}\` trapped (${called.trap.kind}) after the host answered its environment reads ${JSON.stringify(reads).slice(0, 300)}: ${called.trap.message}`, evidence: { trap: called.trap, envReads: reads } };
}

const environmentFuzz = defineCheck({
  id: 'fuzz.valid-inputs',
  title: 'Entry points run to completion under every environment the host may answer with',
  specRef: 'seed 003 §Host function ABI (ft_get_env returns the value length or -1; ft_return_buffer_read copies it); seed-systems §4.2; spec-decisions "All profiles" (a trap is never an acceptable answer); schemas/frankenterm/ft_get_env.output.schema.json',
  appliesTo: ['frankenterm'],
  dependsOn: ['lifecycle.entry-points-run'],
  run(ctx) {
    const plan = planEntryPoints(ctx.module, ctx.manifest);
    const targets = entries(plan);
    if (targets.length === 0) return pass('no entry point the host calls: nothing to fuzz');
    const cases = fc.tuple(fc.constantFrom(...targets), environments).map(([t, env]): EnvironmentCase => ({ entry: t.name, events: t.events, env }));
    const subject: FuzzSubject<EnvironmentCase> = {
      what: 'generated environment',
      targets: targets.map((t) => `\`${t.name}\``).join(', '),
      fix: 'treat every ft_get_env answer as untrusted: -1 (unset or denied), 0 (empty) and values longer than your buffer (read in chunks, or allocate the length returned) must all be handled without a panic or trap',
      runsShare: RUNS_SHARE,
      cases,
      judge: (c) => run(ctx, plan, c),
      call: (c): ReplayCall => ({ export: c.entry, lifecycle: 'fresh', inputs: [{ json: c.env }] }),
      fromCall(call) {
        const target = targets.find((t) => t.name === call.export);
        const [input] = call.inputs;
        if (target === undefined || input === undefined || !('json' in input)) return `it calls \`${call.export}\`, not an entry point of this plugin with an environment`;
        return { entry: target.name, events: target.events, env: input.json as Environment };
      },
      show: (c) => ({ export: c.entry, mutation: 'valid', input: JSON.stringify(c.env).slice(0, 4000) }),
    };
    return runFuzzCheck(ctx, 'fuzz.valid-inputs', subject);
  },
});

/** The FrankenTerm implementation of the fuzz checks. */
export const FRANKENTERM_FUZZ_CHECKS: readonly CheckDefinition[] = [environmentFuzz];
