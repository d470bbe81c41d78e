/**
 * What a configuration module answered, judged as FrankenTerm's `eval_config` reads it
 * (seed-systems §4.3): `configure()` and `configure_len()` point at valid UTF-8 JSON inside
 * memory, or `_start` wrote it to stdout (captured up to 1 MiB). The value must be an object,
 * because the host converts it with `Config::from_dynamic`, which reads a table of settings.
 */
import { firstInvalidUtf8Offset } from '../../host/guest-memory.js';
import { clip } from './describe-run.js';
import type { EntryRun } from './entry-point-runs.js';

/** FrankenTerm's stdout capture (`MemoryOutputPipe::new(1 MiB)`). */
export const MAX_STDOUT_BYTES = 1024 * 1024;
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A configuration the host would accept, or why it would not. */
export type ConfigVerdict =
  | { readonly ok: true; readonly source: string; readonly keys: readonly string[]; readonly output: string }
  | { readonly ok: false; readonly problem: string; readonly fix: string; readonly evidence: Readonly<Record<string, unknown>> };

type Text = { readonly ok: true; readonly text: string; readonly source: string } | Extract<ConfigVerdict, { ok: false }>;

const reject = (problem: string, fix: string, evidence: Record<string, unknown> = {}): Extract<ConfigVerdict, { ok: false }> => ({ ok: false, problem, fix, evidence });

function configureText(run: EntryRun): Text {
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
  if (!text.ok) {
    const fault = text.fault;
    return fault.kind === 'out-of-bounds'
      ? reject(`\`configure()\`/\`configure_len()\` point at ${ptr}..${ptr + len}, outside memory (${fault.memoryBytes} bytes)`, 'return the address and length of a buffer that stays allocated', { fault })
      : reject(`the ${len} bytes at ${ptr} are not valid UTF-8 (first bad byte at offset ${fault.firstBadByte})`, 'encode the JSON as UTF-8', { fault });
  }
  return { ok: true, text: text.value, source: `configure() (${len} bytes at ${ptr})` };
}

function stdoutText(run: EntryRun): Text {
  const bytes = run.stdout;
  if (bytes.length === 0) return reject('`_start` wrote nothing to stdout: FrankenTerm stops with "WASM module produced no output on stdout"', 'print the configuration as one JSON object on stdout');
  if (bytes.length > MAX_STDOUT_BYTES) return reject(`\`_start\` wrote ${bytes.length} bytes to stdout; FrankenTerm captures at most ${MAX_STDOUT_BYTES}`, 'print a smaller configuration');
  try {
    return { ok: true, text: strictDecoder.decode(bytes), source: `_start stdout (${bytes.length} bytes)` };
  } catch {
    return reject(`\`_start\` stdout is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})`, 'encode the JSON as UTF-8');
  }
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Judges what a `configure` or `_start` run left for the host to read. */
export function judgeConfigOutput(run: EntryRun): ConfigVerdict {
  const read = run.entry === 'configure' ? configureText(run) : stdoutText(run);
  if (!read.ok) return read;
  const output = clip(read.text);
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (thrown) {
    return reject(`${read.source} is not valid JSON: ${(thrown as Error).message}`, 'emit exactly one JSON document (no trailing commas, comments or extra bytes)', { output });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject(`${read.source} is ${kindOf(value)}, not a JSON object: FrankenTerm builds its Config from an object's keys`, 'answer an object such as {"font_size": 13}', { output });
  }
  return { ok: true, source: read.source, keys: Object.keys(value), output };
}
