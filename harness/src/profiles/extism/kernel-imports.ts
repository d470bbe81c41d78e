/**
 * The Extism kernel: the `extism:host/env` functions every Extism host provides, with the exact
 * core-wasm signatures the PDKs declare (go-pdk `env.go`, as-pdk, the C PDK) and the JS runtime
 * @extism/extism 2.0.0-rc13 implements (`CallContext[ENV]`: addresses are i64 and arrive as BigInt,
 * bytes and codes are i32). V8 accepts any JS function for any import, so a mistyped kernel import
 * only shows up when the types are read from the binary.
 */
import type { FunctionSignature, ValueType } from '../../wasm/index.js';
import type { HostImportSpec } from '../profile.js';

/** The import module of the kernel functions. */
export const EXTISM_KERNEL = 'extism:host/env';
/** The default import module of an application's own host functions (go-sdk, JS SDK `functions`). */
export const EXTISM_USER = 'extism:host/user';

// Compact table: `params>results`, i = i32, I = i64.
const KERNEL: Readonly<Record<string, string>> = {
  alloc: 'I>I', free: 'I>', length: 'I>I', length_unsafe: 'I>I',
  load_u8: 'I>i', load_u64: 'I>I', store_u8: 'Ii>', store_u64: 'II>',
  input_offset: '>I', input_length: '>I', input_load_u8: 'I>i', input_load_u64: 'I>I',
  output_set: 'II>', error_set: 'I>', error_get: '>I',
  config_get: 'I>I', var_get: 'I>I', var_set: 'II>',
  http_request: 'II>I', http_status_code: '>i', http_headers: '>I',
  log_trace: 'I>', log_debug: 'I>', log_info: 'I>', log_warn: 'I>', log_error: 'I>', get_log_level: '>i',
};

const types = (letters: string): ValueType[] => [...letters].map((c) => (c === 'I' ? 'i64' : 'i32'));

/** Parses a compact `params>results` signature (i = i32, I = i64), e.g. `I>I` for `(i64) -> i64`. */
export function compactSignature(compact: string): FunctionSignature {
  const [params = '', results = ''] = compact.split('>');
  return { params: types(params), results: types(results) };
}

/** Every kernel function of the rc13 runtime with its signature. */
export const KERNEL_IMPORTS: readonly HostImportSpec[] = Object.entries(KERNEL).map(([name, compact]) => ({
  module: EXTISM_KERNEL,
  name,
  signature: compactSignature(compact),
}));
