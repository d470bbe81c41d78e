/**
 * What a configuration module answered, judged as FrankenTerm's `eval_config` reads it
 * (seed-systems §4.3), in two steps owned by two checks so one defect fails one check:
 *
 * 1. {@link judgeConfigOutput} (lifecycle.entry-points-run): the host can read bytes at all —
 *    `configure()` and `configure_len()` point inside memory, or `_start` wrote something to
 *    stdout within FrankenTerm's 1 MiB capture.
 * 2. {@link judgeConfigDocument} (schema.config-output): those bytes are UTF-8, exactly one JSON
 *    document, and fit `schemas/frankenterm/<entry>.output.schema.json` — an object, because the
 *    host converts it with `Config::from_dynamic`, which reads a table of settings.
 */
import { firstInvalidUtf8Offset } from '../../host/guest-memory.js';
import { parseJsonDocument } from '../../schema/json-document.js';
import { schemaRegistry } from '../../schema/schema-registry.js';
import type { SchemaViolation } from '../../schema/schema-violation.js';
import { describeViolation } from '../../schema/schema-violation.js';
import { clip } from './describe-run.js';
import type { EntryRun } from './entry-point-runs.js';

/** FrankenTerm's stdout capture (`MemoryOutputPipe::new(1 MiB)`). */
export const MAX_STDOUT_BYTES = 1024 * 1024;
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8');

/** Bytes the host can read, or why it cannot read any. */
export type ConfigVerdict =
  | {
      readonly ok: true;
      /** Where the bytes came from, e.g. `configure() (16 bytes at 1024)`. */
      readonly source: string;
      /** The text as UTF-8, or the first invalid byte's offset when it is not UTF-8. */
      readonly text: { readonly ok: true; readonly value: string } | { readonly ok: false; readonly firstBadByte: number; readonly lossy: string };
      /** A one-line summary for a passing run, e.g. `configure() (16 bytes at 1024) is a JSON object with 1 keys (font_size)`. */
      readonly summary: string;
      /** The text, clipped, for evidence. */
      readonly output: string;
    }
  | { readonly ok: false; readonly problem: string; readonly fix: string; readonly evidence: Readonly<Record<string, unknown>> };

type Readable = Extract<ConfigVerdict, { ok: true }>;

const reject = (problem: string, fix: string, evidence: Record<string, unknown> = {}): Extract<ConfigVerdict, { ok: false }> => ({ ok: false, problem, fix, evidence });

function configureText(run: EntryRun): Omit<Readable, 'summary' | 'output'> | Extract<ConfigVerdict, { ok: false }> {
  const result = run.configure;
  if (result === undefined) return reject('`configure()` gave no result', 'return the address of the JSON from configure()');
  const { ptr, len, text } = result;
  if (len === null) {
    return reject('the module exports `configure()` but no `configure_len() -> i32`: FrankenTerm stops with "WASM module exports configure() but not configure_len()"', 'export configure_len() returning the byte length of the JSON');
  }
  if (ptr < 0 || len < 0) {
    return reject(`\`configure()\`/\`configure_len()\` returned ${ptr}/${len}: a negative address or length, which FrankenTerm rejects`, 'return the address and byte length of the JSON', { ptr, len });
  }
  if (text === null) return reject('the module exports no memory the host can read the JSON from', 'export the linear memory as `memory`', { ptr, len });
  const source = `configure() (${len} bytes at ${ptr})`;
  if (!text.ok) {
    const fault = text.fault;
    if (fault.kind === 'out-of-bounds') {
      return reject(`\`configure()\`/\`configure_len()\` point at ${ptr}..${ptr + len}, outside memory (${fault.memoryBytes} bytes)`, 'return the address and length of a buffer that stays allocated', { fault });
    }
    // The run keeps only the strict read; its offset is what the finding needs.
    return { ok: true, source, text: { ok: false, firstBadByte: fault.firstBadByte, lossy: '' } };
  }
  return { ok: true, source, text: { ok: true, value: text.value } };
}

function stdoutText(run: EntryRun): Omit<Readable, 'summary' | 'output'> | Extract<ConfigVerdict, { ok: false }> {
  const bytes = run.stdout;
  if (bytes.length === 0) return reject('`_start` wrote nothing to stdout: FrankenTerm stops with "WASM module produced no output on stdout"', 'print the configuration as one JSON object on stdout');
  if (bytes.length > MAX_STDOUT_BYTES) return reject(`\`_start\` wrote ${bytes.length} bytes to stdout; FrankenTerm captures at most ${MAX_STDOUT_BYTES}`, 'print a smaller configuration');
  const source = `_start stdout (${bytes.length} bytes)`;
  try {
    return { ok: true, source, text: { ok: true, value: strictDecoder.decode(bytes) } };
  } catch {
    return { ok: true, source, text: { ok: false, firstBadByte: firstInvalidUtf8Offset(bytes), lossy: lenientDecoder.decode(bytes) } };
  }
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Judges whether the host can read what a `configure` or `_start` run left for it (step 1). */
export function judgeConfigOutput(run: EntryRun): ConfigVerdict {
  const read = run.entry === 'configure' ? configureText(run) : stdoutText(run);
  if (!read.ok) return read;
  const output = clip(read.text.ok ? read.text.value : read.text.lossy);
  const parsed = read.text.ok ? parseJsonDocument(read.text.value) : undefined;
  const value = parsed?.ok === true ? parsed.value : undefined;
  const summary =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (() => {
          const keys = Object.keys(value);
          return `${read.source} is a JSON object with ${keys.length} keys (${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''})`;
        })()
      : `${read.source} read (its content fails schema.config-output)`;
  return { ...read, summary, output };
}

/** Whether the configuration's bytes are one UTF-8 JSON document that fits the entry point's output schema (step 2). */
export type ConfigDocumentVerdict =
  | { readonly ok: true; readonly schema: string; readonly keys: readonly string[] }
  | {
      readonly ok: false;
      readonly schema: string;
      readonly problem: string;
      readonly fix: string;
      /** Where it goes wrong: a byte offset, or the schema violations with their JSON paths. */
      readonly at: Readonly<Record<string, unknown>>;
    };

/** Judges the text of a readable configuration against its schema (step 2). */
export function judgeConfigDocument(run: EntryRun, read: Readable): ConfigDocumentVerdict {
  const hook = run.entry === 'configure' ? 'configure' : '_start';
  const schema = schemaRegistry().hookSchema('frankenterm', hook, 'output');
  if (schema === undefined) throw new Error(`schemas/frankenterm/${hook}.output.schema.json is missing`);
  const file = schema.file;
  if (!read.text.ok) {
    return { ok: false, schema: file, problem: `${read.source} is not UTF-8 at byte ${read.text.firstBadByte}`, fix: 'encode the JSON as UTF-8', at: { byte: read.text.firstBadByte } };
  }
  const parsed = parseJsonDocument(read.text.value);
  if (!parsed.ok) {
    return {
      ok: false,
      schema: file,
      problem: `${read.source}: ${parsed.problem}`,
      fix: 'emit exactly one JSON document (no trailing commas, comments or extra bytes)',
      at: parsed.documentEndsAt === undefined ? {} : { documentEndsAt: parsed.documentEndsAt, trailingBytes: parsed.trailingBytes ?? 0 },
    };
  }
  const verdict = schema.check(parsed.value);
  if (!verdict.ok) {
    const violations: readonly SchemaViolation[] = verdict.violations;
    const whole = violations.find((v) => v.instancePath === '' && v.keyword === 'type');
    const why = whole === undefined ? violations.map(describeViolation).join('; ') : `${kindOf(parsed.value)}, not a JSON object: FrankenTerm builds its Config from an object's keys`;
    return { ok: false, schema: file, problem: `${read.source} is ${why} (schemas/${file})`, fix: 'answer an object such as {"font_size": 13}', at: { violations } };
  }
  return { ok: true, schema: file, keys: Object.keys(parsed.value as object) };
}
