/**
 * The fuzz checks for Extism plugins, through the real `@extism/extism` runtime (profiles/extism/):
 * cases go to a long-lived instance, replaced after a trap. Extism calls are slow next to a raw
 * wasm call, so these checks make a quarter of the run's cases.
 *
 * - `extism`, `fuzz.hostile-inputs`: every export an Extism host can call takes an
 *   application-defined input plugcheck does not know, so each is sent hostile bytes (mutated JSON,
 *   invalid UTF-8, NUL bytes, random bytes, nothing). The plugin must answer — output, `error_set`,
 *   any return code — and never trap; `error_set` with return code 0 contradicts itself.
 * - `extism-datasource`, `fuzz.valid-inputs` and `fuzz.hostile-inputs`: the exports of seed 004's
 *   flow that take input (`plugin_configure`, `start_stream`, `stop_stream`; `init`,
 *   `handle_command` in the current generation), after the host configured the plugin, sent inputs
 *   generated from schemas/extism-datasource/<export>.input.schema.json, and those inputs mutated.
 *   Same properties, plus a `success` / `result` flag in the output agreeing with the return code
 *   (spec-decisions "extism-datasource").
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { CheckContext } from '../../engine/check-context.js';
import { HostCallTrace } from '../../host/host-call-trace.js';
import { hostileInputArbitrary } from '../../fuzz/hostile-inputs.js';
import { bundleInput, inputPayload } from '../../fuzz/replay-bundle.js';
import type { ReplayCall } from '../../fuzz/replay-bundle.js';
import { CONFIG } from '../../profiles/extism/datasource-fixtures.js';
import { DatasourceHost } from '../../profiles/extism/datasource-host.js';
import { configureExport, metadataStep, outputObject } from '../../profiles/extism/datasource-run.js';
import { describeCall, rcText } from '../../profiles/extism/describe-extism-call.js';
import { callableExports, isCallableShape } from '../../profiles/extism/entry-exports.js';
import { loadExtism } from '../../profiles/extism/extism-instance.js';
import type { ExtismCall, ExtismSession } from '../../profiles/extism/extism-session.js';
import { EXTISM_USER } from '../../profiles/extism/kernel-imports.js';
import { networkAllowList } from '../../profiles/extism/network-allow-list.js';
import { stubFunctions } from '../../profiles/extism/stub-functions.js';
import { pass } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';
import { hookInputs } from './fuzz-arbitraries.js';
import { showPayloads } from './fuzz-case.js';
import { runFuzzCheckAsync } from './run-fuzz-check.js';
import type { CaseVerdict, FuzzSubject } from './run-fuzz-check.js';

/** One call: the export, the exact input, and the JSON document when the input is schema-valid. */
interface ExtismCase {
  readonly export: string;
  readonly input: string | Uint8Array;
  readonly document?: unknown;
  readonly kind: string;
}

const RUNS_SHARE = 4;
/**
 * The largest hostile input sent, bytes. Plugins read their input through the kernel, often one
 * `input_load_u8` host call per byte, which the JavaScript runtime answers far slower than a native
 * Extism host: the deep-nesting and near-limit classes (up to 256 KiB) would time the runtime, not
 * the plugin. 16 KiB still overruns every fixed buffer a plugin might copy its input into.
 */
const MAX_INPUT_BYTES = 16384;
const small = (h: { readonly bytes: Uint8Array }) => h.bytes.length <= MAX_INPUT_BYTES;
const SPEC = 'spec-decisions "All profiles" (a trap is never an acceptable answer to input the host can send); seed-systems §5.5 (Extism call semantics: return code, error_set and output); spec-decisions "extism-datasource" (rc, error_set and output are independent)';
const DATASOURCE_INPUT_EXPORTS: Readonly<Record<string, readonly string[]>> = { generic: ['plugin_configure', 'start_stream', 'stop_stream'], current: ['init', 'handle_command'] };

const exportsFunction = (ctx: CheckContext, name: string) => ctx.module.exports.some((e) => e.name === name && e.kind === 'function');

/** The property every Extism call must meet: an answer, no trap, and a code that agrees with error_set and the output's flag. */
function judgeCall(call: ExtismCall): CaseVerdict {
  if (call.kind === 'trapped') return { ok: false, problem: `\`${call.export}\` ${describeCall(call)}`, evidence: { trap: call.trap } };
  if (call.error !== null && call.rc === 0) {
    return { ok: false, problem: `\`${call.export}\` called error_set ("${call.error.slice(0, 200)}") and returned rc 0`, evidence: { rc: call.rc, error: call.error } };
  }
  const output = outputObject(call);
  const flagName = call.export === 'handle_command' ? 'result' : 'success';
  const flag = output?.[flagName];
  if (call.rc !== undefined && typeof flag === 'boolean' && flag !== (call.rc === 0)) {
    return { ok: false, problem: `\`${call.export}\` returned ${rcText(call)} with ${flagName}:${String(flag)}`, evidence: { rc: call.rc, output: call.output?.text?.slice(0, 2000) ?? null } };
  }
  return { ok: true };
}

/** A long-lived instance, replaced after a failed case or when a fresh one is asked for. */
function instances(open: () => Promise<ExtismSession | string>): (fresh: boolean) => Promise<ExtismSession | string> {
  let current: ExtismSession | undefined;
  return async (fresh) => {
    if (fresh && current !== undefined) {
      await current.close();
      current = undefined;
    }
    if (current !== undefined) return current;
    const opened = await open();
    if (typeof opened !== 'string') current = opened;
    return opened;
  };
}

function subject(what: string, targets: readonly string[], cases: Arbitrary<ExtismCase>, session: (fresh: boolean) => Promise<ExtismSession | string>, fix: string): FuzzSubject<ExtismCase, Promise<CaseVerdict>> {
  return {
    what,
    targets: targets.map((t) => `\`${t}\``).join(', '),
    fix,
    runsShare: RUNS_SHARE,
    cases,
    async judge(c, fresh) {
      const opened = await session(fresh);
      if (typeof opened === 'string') return { ok: false, problem: opened, evidence: {} };
      const verdict = judgeCall(await opened.call(c.export, c.input, `${c.export} fuzz (${c.kind})`));
      if (!verdict.ok) await session(true).then((s) => (typeof s === 'string' ? undefined : s)).catch(() => undefined);
      return verdict;
    },
    call: (c): ReplayCall => ({ export: c.export, lifecycle: 'reused', inputs: [c.document === undefined ? bundleInput(c.input) : { json: c.document }] }),
    fromCall(call) {
      const [input] = call.inputs;
      if (!targets.includes(call.export) || input === undefined) return `it calls \`${call.export}\`, which is not one of ${targets.join(', ')} with one input`;
      return { export: call.export, input: inputPayload(input), ...('json' in input ? { document: input.json } : {}), kind: 'replayed' };
    },
    show: (c) => ({ export: c.export, mutation: c.kind, input: showPayloads([c.input], 4000) }),
  };
}

// Inputs for exports whose input plugcheck cannot know: JSON of any shape mutated, random bytes, nothing.
const unknownInputs: Arbitrary<{ bytes: Uint8Array; mutation: string }> = fc.oneof(
  { weight: 3, arbitrary: hostileInputArbitrary(fc.jsonValue({ maxDepth: 2 })).filter(small) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bytes, mutation: 'random-bytes' })) },
);

const generalHostile = defineCheck({
  id: 'fuzz.hostile-inputs',
  title: 'Every callable export answers hostile input without a trap',
  specRef: SPEC,
  appliesTo: ['extism'],
  dependsOn: ['lifecycle.instantiate', 'lifecycle.exports-callable'],
  async run(ctx) {
    const targets = callableExports(ctx.module)
      .filter((e) => isCallableShape(e.signature))
      .map((e) => e.name);
    if (targets.length === 0) return pass('no export an Extism host can call: nothing to fuzz');
    const cases = fc.tuple(fc.constantFrom(...targets), unknownInputs).map(([name, h]): ExtismCase => ({ export: name, input: h.bytes, kind: h.mutation }));
    const session = instances(async () => {
      const load = await loadExtism(ctx, stubFunctions(ctx.module, (entry) => entry.module === EXTISM_USER, new HostCallTrace()));
      return load.ok ? load.session : `the plugin did not load (${load.trap.kind}): ${load.trap.message}`;
    });
    return runFuzzCheckAsync(ctx, 'fuzz.hostile-inputs', subject('hostile input', targets, cases, session, 'read the input defensively: check input_length before reading, handle empty input, invalid UTF-8 and malformed JSON by calling error_set and returning non-zero, never by trapping (no unwrap/panic on input)'));
  },
});

// The data-source exports that take input, on an instance the host configured with the credentials map.
function datasourceSession(ctx: CheckContext): (fresh: boolean) => Promise<ExtismSession | string> {
  return instances(async () => {
    const metadata = await metadataStep(ctx);
    const host = new DatasourceHost({ networkTargets: metadata.ok ? metadata.networkTargets : [], allowedHosts: networkAllowList(ctx).hosts });
    const load = await loadExtism(ctx, host.functions());
    if (!load.ok) return `the plugin did not load (${load.trap.kind}): ${load.trap.message}`;
    const configure = configureExport(ctx);
    if (exportsFunction(ctx, configure)) await load.session.call(configure, JSON.stringify(CONFIG), `${configure} (before fuzzing)`);
    return load.session;
  });
}

function datasourceTargets(ctx: CheckContext): string[] {
  return (DATASOURCE_INPUT_EXPORTS[ctx.dialect['generation'] ?? ''] ?? []).filter((name) => exportsFunction(ctx, name));
}

function validDocuments(ctx: CheckContext, targets: readonly string[]): Arbitrary<{ export: string; document: unknown }> {
  return fc.oneof(...targets.map((name) => hookInputs(ctx.profile.id, name).map((document) => ({ export: name, document }))));
}

const DATASOURCE_FIX = 'decode every input defensively: answer a config, stream key or command you cannot use with error_set and a non-zero return code (and `success:false` in the output), never with a trap or rc 0';

const datasourceValid = defineCheck({
  id: 'fuzz.valid-inputs',
  title: 'Generated schema-valid inputs to the flow\'s exports are answered consistently, without a trap',
  specRef: `${SPEC}; schemas/extism-datasource/<export>.input.schema.json`,
  appliesTo: ['extism-datasource'],
  dependsOn: ['lifecycle.metadata', 'lifecycle.configure', 'lifecycle.commands'],
  async run(ctx) {
    const targets = datasourceTargets(ctx);
    if (targets.length === 0) return pass('the plugin exports none of the flow\'s exports that take input: nothing to fuzz');
    const cases = validDocuments(ctx, targets).map(({ export: name, document }): ExtismCase => ({ export: name, input: JSON.stringify(document), document, kind: 'valid' }));
    return runFuzzCheckAsync(ctx, 'fuzz.valid-inputs', subject('schema-valid input', targets, cases, datasourceSession(ctx), DATASOURCE_FIX));
  },
});

const datasourceHostile = defineCheck({
  id: 'fuzz.hostile-inputs',
  title: 'Malformed inputs to the flow\'s exports are answered consistently, without a trap',
  specRef: SPEC,
  appliesTo: ['extism-datasource'],
  dependsOn: ['lifecycle.metadata', 'lifecycle.configure', 'lifecycle.commands'],
  async run(ctx) {
    const targets = datasourceTargets(ctx);
    if (targets.length === 0) return pass('the plugin exports none of the flow\'s exports that take input: nothing to fuzz');
    const cases = fc.oneof(
      ...targets.map((name) =>
        hostileInputArbitrary(hookInputs(ctx.profile.id, name))
          .filter(small)
          .map((h): ExtismCase => ({ export: name, input: h.bytes, kind: h.mutation })),
      ),
    );
    return runFuzzCheckAsync(ctx, 'fuzz.hostile-inputs', subject('hostile input', targets, cases, datasourceSession(ctx), DATASOURCE_FIX));
  },
});

/** The Extism implementations of the fuzz checks. */
export const EXTISM_FUZZ_CHECKS: readonly CheckDefinition[] = [generalHostile, datasourceValid, datasourceHostile];
