/**
 * plugcheck's own errors: bad arguments, unreadable or malformed input, harness bugs.
 *
 * Plugin misbehaviour is never one of these: it is data in a check result. These exist for the
 * cases where plugcheck cannot run at all, and every one carries a stable `code`, what was
 * expected, what came, and how to fix it.
 */

/** Stable error codes. They key documentation and tests; never rename one. */
export type PlugcheckErrorCode =
  | 'PLUGCHECK_USAGE'
  | 'PLUGCHECK_FILE_UNREADABLE'
  | 'PLUGCHECK_NOT_WASM'
  | 'PLUGCHECK_TRUNCATED_MODULE'
  | 'PLUGCHECK_MALFORMED_MODULE'
  | 'PLUGCHECK_UNKNOWN_PROFILE'
  | 'PLUGCHECK_NO_PROFILE_MATCH'
  | 'PLUGCHECK_BAD_EXPECTATIONS'
  | 'PLUGCHECK_BAD_CONFIG'
  | 'PLUGCHECK_BAD_REPORT'
  | 'PLUGCHECK_BAD_MANIFEST'
  | 'PLUGCHECK_WORKER_CRASHED'
  | 'PLUGCHECK_BAD_SCHEMA'
  | 'PLUGCHECK_BAD_REPLAY'
  | 'PLUGCHECK_BAD_BASELINE'
  | 'PLUGCHECK_BENCH_FAILED'
  | 'PLUGCHECK_INTERNAL';

/** Fields every plugcheck error is built from. */
export interface PlugcheckErrorDetails {
  /** What plugcheck needed. */
  readonly expected?: string;
  /** What it got instead. */
  readonly received?: string;
  /** One sentence that tells the user how to fix it. */
  readonly fix?: string;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/** Base class of every error plugcheck raises on purpose. */
export class PlugcheckError extends Error {
  override readonly name: string = 'PlugcheckError';
  readonly code: PlugcheckErrorCode;
  readonly expected: string | undefined;
  readonly received: string | undefined;
  readonly fix: string | undefined;

  constructor(code: PlugcheckErrorCode, message: string, details: PlugcheckErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.expected = details.expected;
    this.received = details.received;
    this.fix = details.fix;
  }

  /** The multi-line, stack-free text shown to a user. */
  format(): string {
    const lines = [`${this.code}: ${this.message}`];
    if (this.expected !== undefined) lines.push(`  expected: ${this.expected}`);
    if (this.received !== undefined) lines.push(`  received: ${this.received}`);
    if (this.fix !== undefined) lines.push(`  fix: ${this.fix}`);
    return lines.join('\n');
  }
}

/** The command line was wrong: unknown flag, missing argument, bad value. */
export class UsageError extends PlugcheckError {
  override readonly name = 'UsageError';
  constructor(message: string, details: PlugcheckErrorDetails = {}) {
    super('PLUGCHECK_USAGE', message, details);
  }
}

/** The plugin file could not be read or is not a WebAssembly module plugcheck can inspect. */
export class PluginLoadError extends PlugcheckError {
  override readonly name = 'PluginLoadError';
}

/** No profile fits the module, or the one asked for does not exist. */
export class ProfileError extends PlugcheckError {
  override readonly name = 'ProfileError';
}

/** A file plugcheck reads (expectations, config, replay bundle) is not what it should be. */
export class ConfigError extends PlugcheckError {
  override readonly name = 'ConfigError';
}

/** Normalises anything thrown into an `Error`, so callers can rely on `.message`. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'symbol') return new Error(value.description ?? 'symbol thrown');
  return new Error(typeof value === 'string' ? value : JSON.stringify(value));
}
