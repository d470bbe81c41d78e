/**
 * Which WASI calls in a trace touch files or the environment, and how each ended, for the
 * capability checks of every family that offers WASI (midimon, Bifrost). A host that grants no
 * directory and no variables answers such calls with an errno or nothing; the trace shows them.
 */
import type { HostCall } from '../../host/host-call-trace.js';
import { WASI_PREVIEW1 } from '../../profiles/wasi-preview1.js';

// Preopen discovery reads no file. Eager wasi-libc does it in `_initialize` in every module that
// links file functions; lazy wasi-libc (current Rust and clang toolchains) does it on the first
// path lookup, so discovery during a call means the plugin resolved a path. Such a libc resolves
// paths itself: with no directory granted, an undeclared open shows only as this discovery.
const DISCOVERY = new Set(['fd_prestat_get', 'fd_prestat_dir_name']);
const ENVIRONMENT = new Set(['environ_get', 'environ_sizes_get']);
const FIRST_NON_STDIO_FD = 3;

const ERRNO_NAMES: Readonly<Record<number, string>> = { 2: 'EACCES', 8: 'EBADF', 44: 'ENOENT', 58: 'ENOTSUP', 63: 'EPERM', 76: 'ENOTCAPABLE' };

/** The WASI function a call made, or undefined for any other host call. */
export function wasiName(call: HostCall): string | undefined {
  const prefix = `${WASI_PREVIEW1}.`;
  return call.import.startsWith(prefix) ? call.import.slice(prefix.length) : undefined;
}

/**
 * A file access: any `path_*` call, an `fd_*` call on a descriptor past stdio (only a preopened
 * directory or a file opened through one can be there), or preopen discovery made by a call rather
 * than at start-up (`duringCall`).
 */
export function isFileAccess(call: HostCall, duringCall: boolean): boolean {
  const name = wasiName(call);
  if (name === undefined) return false;
  if (name.startsWith('path_')) return true;
  if (DISCOVERY.has(name)) return duringCall;
  const fd = call.args[0];
  return name.startsWith('fd_') && typeof fd === 'number' && fd >= FIRST_NON_STDIO_FD;
}

/** An environment read (`environ_get`, `environ_sizes_get`: what getenv() does first). */
export function isEnvironmentRead(call: HostCall): boolean {
  const name = wasiName(call);
  return name !== undefined && ENVIRONMENT.has(name);
}

/** How a WASI call ended, in words: `succeeded`, `errno 8 EBADF`, `threw: …`. */
export function wasiOutcome(call: HostCall): string {
  if (call.error !== undefined) return `threw: ${call.error}`;
  if (typeof call.result !== 'number') return 'returned';
  return call.result === 0 ? 'succeeded' : `errno ${call.result}${ERRNO_NAMES[call.result] === undefined ? '' : ` ${ERRNO_NAMES[call.result]}`}`;
}
