/**
 * Turns whatever a guest call threw into a classified trap, so reports say "out-of-bounds memory
 * access in pre_hook" rather than echoing an engine message.
 */
import { WASIProcExit } from '@bjorn3/browser_wasi_shim';

/** The kinds of trap plugcheck tells apart. */
export type TrapKind =
  | 'unreachable'
  | 'out-of-bounds-memory'
  | 'stack-overflow'
  | 'indirect-call-mismatch'
  | 'integer-arithmetic'
  | 'wasi-exit'
  | 'host-function-error'
  | 'out-of-memory'
  | 'link-error'
  | 'other';

/** A classified trap. */
export interface TrapInfo {
  readonly kind: TrapKind;
  /** The engine's own message, kept verbatim for the report. */
  readonly message: string;
  /** The exit code for `wasi-exit`. */
  readonly exitCode?: number;
}

/** Thrown by plugcheck's host functions when a plugin calls them wrongly; classified as such. */
export class HostFunctionError extends Error {
  override readonly name = 'HostFunctionError';
  readonly importName: string;
  constructor(importName: string, message: string) {
    super(`${importName}: ${message}`);
    this.importName = importName;
  }
}

// V8's RuntimeError messages (Node 20), matched by substring.
const PATTERNS: readonly [RegExp, TrapKind][] = [
  [/unreachable/i, 'unreachable'],
  [/memory access out of bounds|out of bounds memory|data segment .*out of bounds/i, 'out-of-bounds-memory'],
  [/maximum call stack size/i, 'stack-overflow'],
  [/function signature mismatch|null function|table index is out of bounds|indirect call/i, 'indirect-call-mismatch'],
  [/divide by zero|divide result unrepresentable|remainder by zero|integer overflow|float unrepresentable/i, 'integer-arithmetic'],
  [/out of memory|could not allocate memory|array buffer allocation failed/i, 'out-of-memory'],
];

/** Classifies a thrown value from a guest call. */
export function classifyTrap(thrown: unknown): TrapInfo {
  if (thrown instanceof WASIProcExit) return { kind: 'wasi-exit', message: thrown.message, exitCode: thrown.code };
  if (thrown instanceof HostFunctionError) return { kind: 'host-function-error', message: thrown.message };
  if (typeof thrown === 'symbol') return { kind: 'wasi-exit', message: thrown.description ?? 'exit' };
  if (thrown instanceof WebAssembly.LinkError) return { kind: 'link-error', message: thrown.message };
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  for (const [pattern, kind] of PATTERNS) if (pattern.test(message)) return { kind, message };
  // A host function of the WASI shim may throw a bare string ("sockets not supported").
  if (!(thrown instanceof WebAssembly.RuntimeError) && !(thrown instanceof RangeError)) {
    return { kind: 'host-function-error', message };
  }
  return { kind: 'other', message };
}
