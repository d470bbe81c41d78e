/**
 * The WASI preview1 functions plugcheck's sandbox provides, with their exact core-wasm signatures,
 * so a mistyped WASI import is reported instead of silently accepted by V8.
 */
import type { FunctionSignature, ValueType } from '../wasm/index.js';
import type { HostImportSpec } from './profile.js';

/** The import module name of WASI preview1. */
export const WASI_PREVIEW1 = 'wasi_snapshot_preview1';

// Compact table: param letters (i = i32, I = i64) and whether the function returns an errno.
const TABLE: Readonly<Record<string, string>> = {
  args_get: 'ii', args_sizes_get: 'ii', environ_get: 'ii', environ_sizes_get: 'ii',
  clock_res_get: 'ii', clock_time_get: 'iIi',
  fd_advise: 'iIIi', fd_allocate: 'iII', fd_close: 'i', fd_datasync: 'i', fd_fdstat_get: 'ii',
  fd_fdstat_set_flags: 'ii', fd_fdstat_set_rights: 'iII', fd_filestat_get: 'ii', fd_filestat_set_size: 'iI',
  fd_filestat_set_times: 'iIIi', fd_pread: 'iiiIi', fd_prestat_get: 'ii', fd_prestat_dir_name: 'iii',
  fd_pwrite: 'iiiIi', fd_read: 'iiii', fd_readdir: 'iiiIi', fd_renumber: 'ii', fd_seek: 'iIii', fd_sync: 'i',
  fd_tell: 'ii', fd_write: 'iiii',
  path_create_directory: 'iii', path_filestat_get: 'iiiii', path_filestat_set_times: 'iiiiIIi',
  path_link: 'iiiiiii', path_open: 'iiiiiIIii', path_readlink: 'iiiiii', path_remove_directory: 'iii',
  path_rename: 'iiiiii', path_symlink: 'iiiii', path_unlink_file: 'iii',
  poll_oneoff: 'iiii', proc_raise: 'i', sched_yield: '', random_get: 'ii',
  sock_accept: 'iii', sock_recv: 'iiiiii', sock_send: 'iiiii', sock_shutdown: 'ii',
};

function toSignature(params: string, results: readonly ValueType[]): FunctionSignature {
  return { params: [...params].map((c): ValueType => (c === 'I' ? 'i64' : 'i32')), results };
}

/** Every WASI preview1 function with its signature. `proc_exit` is the one without a result. */
export const WASI_PREVIEW1_IMPORTS: readonly HostImportSpec[] = [
  ...Object.entries(TABLE).map(([name, params]) => ({
    module: WASI_PREVIEW1,
    name,
    signature: toSignature(params, ['i32']),
  })),
  { module: WASI_PREVIEW1, name: 'proc_exit', signature: toSignature('i', []) },
];
