// extism-pdk/kernel.ts: the Extism kernel imports declared by hand (no PDK package), with the
// signatures every Extism runtime implements, and the few helpers the extism-* plugins share.
// Shared source, not a plugin (no index.ts): scripts/build-plugins.mjs compiles it into each
// plugin that imports it. Output is written as UTF-8 bytes, so non-ASCII text is stored whole
// (as-pdk 1.0.0's outputString allocates UTF-16 units and breaks on it; toolchains.md §6).

// Exported for plugins that scan their input byte by byte without copying it.
@external("extism:host/env", "input_length")
export declare function input_length(): u64;
@external("extism:host/env", "input_load_u8")
export declare function input_load_u8(offset: u64): u8;
@external("extism:host/env", "alloc")
declare function kernel_alloc(length: u64): u64;
@external("extism:host/env", "length")
declare function kernel_length(offset: u64): u64;
@external("extism:host/env", "load_u8")
declare function load_u8(offset: u64): u8;
@external("extism:host/env", "store_u8")
declare function store_u8(offset: u64, value: u8): void;
@external("extism:host/env", "output_set")
declare function output_set(offset: u64, length: u64): void;
@external("extism:host/env", "error_set")
declare function error_set(offset: u64): void;
@external("extism:host/env", "log_info")
declare function log_info(offset: u64): void;

/** The call's input, decoded as UTF-8. */
export function readInput(): string {
  const length = <i32>input_length();
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = input_load_u8(<u64>i);
  return String.UTF8.decode(bytes.buffer);
}

/** Copies `text` as UTF-8 into a new kernel block and returns its offset. */
export function store(text: string): u64 {
  const bytes = Uint8Array.wrap(String.UTF8.encode(text));
  const offset = kernel_alloc(<u64>bytes.length);
  for (let i = 0; i < bytes.length; i++) store_u8(offset + <u64>i, bytes[i]);
  return offset;
}

/** Reads the kernel block at `offset` as UTF-8 ("" for offset 0, which names no block). */
export function load(offset: u64): string {
  if (offset == 0) return "";
  const length = <i32>kernel_length(offset);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = load_u8(offset + <u64>i);
  return String.UTF8.decode(bytes.buffer);
}

/** Sets the call's output. */
export function output(text: string): void {
  output_set(store(text), <u64>String.UTF8.byteLength(text));
}

/** Sets the call's error (the host throws or reports it). */
export function setError(text: string): void {
  error_set(store(text));
}

/** Logs through the kernel at info level. */
export function logInfo(text: string): void {
  log_info(store(text));
}
