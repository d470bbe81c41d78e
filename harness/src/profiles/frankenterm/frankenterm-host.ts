/**
 * The `ft_*` host functions (seed 003 §Host function ABI), one set per instance, behaving as
 * FrankenTerm's `wasm_host.rs` does (seed-systems §4.2) and strict where spec-decisions
 * "frankenterm" says so. The real host turns a bad pointer or invalid UTF-8 into an empty log
 * line and carries on; plugcheck carries on the same way (so the plugin's behaviour does not
 * change under test) but records the call as a finding. Environment reads follow the manifest's
 * allow-list and read a fixture, never the machine's environment; every denial is recorded.
 * Every payload the host could read is validated as it arrives against the function's
 * `schemas/frankenterm/<fn>.input.schema.json` (schema.host-calls reports what does not fit).
 */
import type { MemoryFault } from '../../host/guest-memory.js';
import type { HostFunctionTable } from '../../host/host-imports.js';
import type { HostContext } from '../../host/plugin-instance.js';
import { schemaRegistry } from '../../schema/schema-registry.js';
import type { SchemaViolation } from '../../schema/schema-violation.js';
import { allowsEnvVar } from './extension-manifest.js';

/** The host functions of the profile. */
export type FtFunction = 'ft_log' | 'ft_get_env' | 'ft_return_buffer_read';

/** The import modules they are offered under: the host's code registers `frankenterm`, the docs say `env`. */
export const FT_NAMESPACES: readonly string[] = ['frankenterm', 'env'];

/** The log levels of `ft_log`: 0 Trace … 4 Error (seed 003 §Host function ABI). */
export const LOG_LEVELS: readonly string[] = ['trace', 'debug', 'info', 'warn', 'error'];

/** One `ft_log` call; `text` is null when the message could not be read. */
export interface LogRecord {
  readonly level: number;
  readonly text: string | null;
}

/** A host call whose arguments the host could not honour. */
export type HostCallFinding =
  | { readonly kind: 'memory'; readonly call: FtFunction; readonly argument: string; readonly fault: MemoryFault }
  | { readonly kind: 'log-level'; readonly call: 'ft_log'; readonly level: number };

/** A host-call payload that does not fit its function's input schema. */
export interface HostSchemaFinding {
  readonly call: FtFunction;
  /** The payload as plugcheck decoded it (the schema's document: `{level, message}`, the key, `{out_ptr, out_len}`). */
  readonly payload: unknown;
  /** The schema file under `schemas/`. */
  readonly schema: string;
  readonly violations: readonly SchemaViolation[];
}

/** How an `ft_get_env` call ended; every outcome but `value` returns -1. */
export type EnvOutcome = 'value' | 'denied' | 'unset' | 'unreadable-key';

/** One `ft_get_env` call. */
export interface EnvRead {
  readonly key: string | null;
  readonly outcome: EnvOutcome;
  readonly returned: number;
}

/** An `ft_return_buffer_read` made while the last `ft_get_env` had returned -1. */
export interface ReadAfterFailedEnv {
  readonly failedRead: EnvRead;
  readonly outPtr: number;
  readonly outLen: number;
  readonly returned: number;
  /** Bytes the return buffer still held from an earlier read: what such a read hands out. */
  readonly staleBytes: number;
  /** The number of log records made before it; the ones after show what the plugin did next. */
  readonly logIndex: number;
}

/** What the host grants one extension. */
export interface FrankentermGrants {
  /** `[permissions].environment` patterns; empty denies every variable. */
  readonly environment: readonly string[];
  /** The variables that exist (the fixture). */
  readonly env: Readonly<Record<string, string>>;
}

// A plugin that logs in a loop must not exhaust the harness; counts go on past the cap.
const MAX_RECORDS = 200;
const encoder = new TextEncoder();

function capped<T>(list: T[], item: T): void {
  if (list.length < MAX_RECORDS) list.push(item);
}

/** The host side of one instance: its return buffer and everything the plugin asked of it. */
export class FrankentermHost {
  readonly logs: LogRecord[] = [];
  readonly findings: HostCallFinding[] = [];
  readonly envReads: EnvRead[] = [];
  readonly readsAfterFailedEnv: ReadAfterFailedEnv[] = [];
  /** Payloads that do not fit their input schema, in call order. */
  readonly schemaFindings: HostSchemaFinding[] = [];
  readonly #grants: FrankentermGrants;
  #validated = 0;
  #logCount = 0;
  #buffer: Uint8Array = new Uint8Array(0);
  #lastEnv: EnvRead | undefined;

  constructor(grants: FrankentermGrants) {
    this.#grants = grants;
  }

  /** Number of payloads validated against their input schemas. */
  get validatedPayloads(): number {
    return this.#validated;
  }

  // A payload the host could not read (a memory finding) has no document to validate.
  #validate(call: FtFunction, payload: unknown): void {
    const schema = schemaRegistry().hookSchema('frankenterm', call, 'input');
    if (schema === undefined) throw new Error(`schemas/frankenterm/${call}.input.schema.json is missing`);
    this.#validated++;
    const verdict = schema.check(payload);
    if (!verdict.ok) capped(this.schemaFindings, { call, payload, schema: schema.file, violations: verdict.violations });
  }

  /** Number of `ft_log` calls, including those past the record cap. */
  get logCount(): number {
    return this.#logCount;
  }

  /** The implementations for `PluginInstance.instantiate`'s `hostFunctions`, under both namespaces. */
  functions(host: HostContext): HostFunctionTable {
    const fns = {
      ft_log: (level: number, ptr: number, len: number) => this.#log(host, level, ptr, len),
      ft_get_env: (ptr: number, len: number) => this.#getEnv(host, ptr, len),
      ft_return_buffer_read: (ptr: number, len: number) => this.#readBuffer(host, ptr, len),
    };
    return Object.fromEntries(FT_NAMESPACES.map((ns) => [ns, fns]));
  }

  // wasm_host.rs reads a zero-length string as "" without looking at the pointer; so does plugcheck.
  #readString(host: HostContext, call: FtFunction, argument: string, ptr: number, len: number): string | null {
    if (len === 0) return '';
    const read = host.memory().readString(ptr, len);
    if (read.ok) return read.value;
    capped(this.findings, { kind: 'memory', call, argument, fault: read.fault });
    return null;
  }

  #log(host: HostContext, level: number, ptr: number, len: number): void {
    this.#logCount++;
    if (!Number.isInteger(level) || level < 0 || level >= LOG_LEVELS.length) capped(this.findings, { kind: 'log-level', call: 'ft_log', level });
    const text = this.#readString(host, 'ft_log', 'msg_ptr/msg_len', ptr, len);
    if (text !== null) this.#validate('ft_log', { level, message: text });
    capped(this.logs, { level, text });
  }

  #getEnv(host: HostContext, ptr: number, len: number): number {
    const key = this.#readString(host, 'ft_get_env', 'key_ptr/key_len', ptr, len);
    if (key !== null) this.#validate('ft_get_env', key);
    let read: EnvRead;
    if (key === null) {
      read = { key, outcome: 'unreadable-key', returned: -1 };
    } else if (!allowsEnvVar(this.#grants.environment, key)) {
      read = { key, outcome: 'denied', returned: -1 };
    } else {
      const value = this.#grants.env[key];
      if (value === undefined) {
        read = { key, outcome: 'unset', returned: -1 };
      } else {
        this.#buffer = encoder.encode(value);
        read = { key, outcome: 'value', returned: this.#buffer.length };
      }
    }
    this.#lastEnv = read;
    capped(this.envReads, read);
    return read.returned;
  }

  #readBuffer(host: HostContext, ptr: number, len: number): number {
    this.#validate('ft_return_buffer_read', { out_ptr: ptr, out_len: len });
    const returned = this.#copyBuffer(host, ptr, len);
    const last = this.#lastEnv;
    if (last !== undefined && last.returned < 0) {
      capped(this.readsAfterFailedEnv, { failedRead: last, outPtr: ptr, outLen: len, returned, staleBytes: this.#buffer.length, logIndex: this.logs.length });
    }
    return returned;
  }

  // Copies min(len, buffer) bytes like wasm_host.rs (the buffer is not cleared); a destination
  // range the plugin declares outside memory is a finding even where the copy itself would fit.
  #copyBuffer(host: HostContext, ptr: number, len: number): number {
    if (len < 0) return -1;
    const memory = host.memory();
    if (!memory.inBounds(ptr, len)) {
      capped(this.findings, { kind: 'memory', call: 'ft_return_buffer_read', argument: 'out_ptr/out_len', fault: { kind: 'out-of-bounds', ptr, len, memoryBytes: memory.byteLength } });
      if (ptr < 0) return -1;
    }
    const count = Math.min(len, this.#buffer.length);
    if (count === 0) return 0;
    return memory.write(ptr, this.#buffer.subarray(0, count)) ? count : -1;
  }
}
