/**
 * One case a Bifrost fuzz check sends: the hook, the exact payload of each parameter, and — for
 * schema-valid cases — the JSON values they encode. Cases come from generators or, on replay, from
 * a bundle, and are judged the same way either way.
 */
import type { BundleInput } from '../../fuzz/replay-bundle.js';
import { bundleInput, inputPayload } from '../../fuzz/replay-bundle.js';
import { generation } from '../../fuzz/schema-arbitrary.js';
import type { Generation } from '../../fuzz/schema-arbitrary.js';
import type { HookSpec } from '../../profiles/profile.js';
import type { ExportedHook } from '../schema/contract-session.js';

/** A case to send. */
export interface FuzzCase {
  readonly hook: HookSpec;
  readonly exportName: string;
  /** One per parameter: text, or bytes that may not be UTF-8. */
  readonly payloads: readonly (string | Uint8Array)[];
  /** The JSON values, when the case is schema-valid. */
  readonly values?: readonly unknown[];
  /** How the values were generated, when they were (see fuzz/checked-hook-call.ts). */
  readonly generated?: Generation;
  /** What kind of case it is, for messages (e.g. `invalid-utf8`). */
  readonly kind: string;
  /** `end-of-memory`: the host writes the inputs to end at the last byte of memory (end-of-memory-call.ts). */
  readonly placement?: 'end-of-memory';
}

/** A schema-valid case from one hook document (multi-buffer hooks: keyed by parameter name). */
export function validCase({ hook, exportName }: ExportedHook, document: unknown): FuzzCase {
  const values = hook.params.length === 1 ? [document] : hook.params.map((p) => (document as Record<string, unknown>)[p.name]);
  const generated = generation(document);
  const payloads = values.map((v) => JSON.stringify(v));
  // Two literals rather than a conditional spread: this runs once per fuzz case, and spreading takes V8's generic copy.
  return generated === undefined ? { hook, exportName, values, payloads, kind: 'valid' } : { hook, exportName, values, generated, payloads, kind: 'valid' };
}

/**
 * The values' JSON texts of a case that has values — its payloads, which are exactly those texts
 * (validCase and caseFromBundle make them so) — to send as made; undefined for a case of raw bytes.
 */
export function valueTexts(fuzzCase: FuzzCase): readonly string[] | undefined {
  return fuzzCase.values === undefined ? undefined : (fuzzCase.payloads as readonly string[]);
}

/** The case's inputs as a replay bundle keeps them. */
export function caseInputs(fuzzCase: FuzzCase): BundleInput[] {
  const { values } = fuzzCase;
  return values !== undefined ? values.map((json) => ({ json })) : fuzzCase.payloads.map(bundleInput);
}

/** The case a bundle describes, or undefined when the plugin does not export its hook. */
export function caseFromBundle(hooks: readonly ExportedHook[], exportName: string, inputs: readonly BundleInput[], placement?: 'end-of-memory'): FuzzCase | undefined {
  const found = hooks.find((h) => h.exportName === exportName);
  if (found === undefined) return undefined;
  const allJson = inputs.every((i) => 'json' in i);
  return {
    hook: found.hook,
    exportName,
    payloads: inputs.map(inputPayload),
    ...(allJson ? { values: inputs.map((i) => ('json' in i ? i.json : undefined)) } : {}),
    ...(placement === undefined ? {} : { placement }),
    kind: 'replayed',
  };
}

/** A short, printable form of inputs: text as it is, bytes that may not be UTF-8 with \xNN escapes. */
export function showPayloads(payloads: readonly (string | Uint8Array)[], limit = 300): string {
  const shown = payloads.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('latin1').replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)));
  const text = shown.join(' | ');
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text;
}

/** A short, printable form of a case's inputs. */
export function showCase(fuzzCase: FuzzCase, limit = 300): string {
  return showPayloads(fuzzCase.payloads, limit);
}
