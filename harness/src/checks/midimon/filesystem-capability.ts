/**
 * `capability.filesystem`: a plugin touches files only when its metadata declares the
 * `filesystem` capability. The real host preopens the plugin-data directory at guest `/` for such
 * plugins and gives the others no directory at all (seed 002 §Available Capabilities;
 * seed-systems §3.4); plugcheck's sandbox does the same in memory, so an undeclared access fails
 * with a WASI errno, and this check reports each denied call from the trace.
 */
import type { HostCall } from '../../host/host-call-trace.js';
import { executeRuns, metadataLoad } from '../../profiles/midimon/midimon-session.js';
import { WASI_PREVIEW1 } from '../../profiles/wasi-preview1.js';
import { fail, pass } from '../../report/check-result.js';
import { defineMidimonCheck } from './define-midimon-check.js';

// Preopen discovery reads no file. Eager wasi-libc does it in `_initialize` in every module that
// links file functions; lazy wasi-libc (current Rust and clang toolchains) does it on the first
// path lookup, so discovery during a call means the plugin resolved a path. Such a libc resolves
// paths itself: with no directory granted, an undeclared open shows only as this discovery.
const DISCOVERY = new Set(['fd_prestat_get', 'fd_prestat_dir_name']);
const FIRST_NON_STDIO_FD = 3;

const ERRNO_NAMES: Readonly<Record<number, string>> = { 2: 'EACCES', 8: 'EBADF', 44: 'ENOENT', 58: 'ENOTSUP', 63: 'EPERM', 76: 'ENOTCAPABLE' };

// A file access is any `path_*` call, an `fd_*` call on a descriptor past stdio (only a
// preopened directory or a file opened through one can be there), or preopen discovery made by
// a call rather than at start-up.
function isFileAccess(call: HostCall, duringCall: boolean): boolean {
  const prefix = `${WASI_PREVIEW1}.`;
  if (!call.import.startsWith(prefix)) return false;
  const name = call.import.slice(prefix.length);
  if (name.startsWith('path_')) return true;
  if (DISCOVERY.has(name)) return duringCall;
  const fd = call.args[0];
  return name.startsWith('fd_') && typeof fd === 'number' && fd >= FIRST_NON_STDIO_FD;
}

function outcome(call: HostCall): string {
  if (call.error !== undefined) return `threw: ${call.error}`;
  if (typeof call.result !== 'number') return 'returned';
  return call.result === 0 ? 'succeeded' : `errno ${call.result}${ERRNO_NAMES[call.result] === undefined ? '' : ` ${ERRNO_NAMES[call.result]}`}`;
}

export default defineMidimonCheck({
  id: 'capability.filesystem',
  title: 'Files are touched only with the `filesystem` capability declared',
  specRef: 'seed 002 §Available Capabilities and §Capabilities; seed-systems §3.4 (Capability::Filesystem preopens plugin-data at /)',
  run({ ctx, caller, metadata }) {
    const { init } = metadataLoad(ctx);
    const phases = [{ phase: 'init', record: init }, ...executeRuns(ctx, metadata).map((r) => ({ phase: `execute ${r.action} (${r.fixture.id})`, record: r.call }))];
    const fileCalls = phases.flatMap(({ phase, record }) =>
      record.hostCalls
        .filter((c, index) => isFileAccess(c, index >= record.startupCalls))
        .map((c) => ({ phase, import: c.import.slice(WASI_PREVIEW1.length + 1), args: c.args, outcome: outcome(c) })),
    );
    const declared = metadata.capabilities.includes('filesystem');
    if (declared) {
      return pass(`declares \`filesystem\`; ${fileCalls.length} file calls went to the plugin-data directory preopened at /`, {
        files: [...caller.dataDirectory.contents.keys()],
        fileCalls: fileCalls.slice(0, 20),
      });
    }
    if (fileCalls.length === 0) return pass('no file access, and `filesystem` is not declared');
    const summary = fileCalls.slice(0, 5).map((c) => `${c.import} (${c.outcome}) during ${c.phase}`).join(', ');
    return fail(
      `the plugin accessed files without declaring the \`filesystem\` capability: ${fileCalls.length} file calls, e.g. ${summary}; no directory is granted, so each was denied. The real host preopens the plugin-data directory only for plugins that declare \`filesystem\``,
      {
        capabilities: metadata.capabilities,
        fileCalls: fileCalls.slice(0, 20),
        fix: 'add "filesystem" to the metadata capabilities (and to the registry manifest), or stop touching files',
      },
    );
  },
});
