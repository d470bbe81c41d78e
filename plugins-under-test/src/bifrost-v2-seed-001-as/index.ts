// bifrost-v2-seed-001-as: seed 001's own AssemblyScript example ("Create assembly/index.ts"), copied verbatim
// (the seed's text, indentation lost in the seed as published) so plugcheck says what a plugin author who
// copies it gets: a bump allocator whose `free` is a no-op (alloc.free-reclaims names it, with its
// calls-until-OOM), whose first block is address 0 and whose blocks are not aligned.
//
// Left out, and only this: the `json-as` import and the http_stream_chunk_hook section (its two @json
// classes, its comments and the hook), which need the json-as package and its compile-time transform;
// json-as is not among plugcheck's dependencies. Hooks are optional one by one (seed-systems §1.3), so
// the plugin is still a complete bifrost-v2 plugin. Everything below is the seed's text, unchanged.
// The seed builds with `--runtime stub`; scripts/build-plugins.mjs builds every AssemblyScript plugin
// with `--runtime incremental`, which the allocator below never uses.
// Memory management (simplified)
let heap: ArrayBuffer = new ArrayBuffer(65536)
let heapOffset: u32 = 0
export function malloc(size: u32): u32 {
const ptr = heapOffset
heapOffset += size
return ptr
}
export function free(ptr: u32): void {
// Simple allocator - no-op for free
}
function readString(ptr: u32, len: u32): string {
const bytes = new Uint8Array(len)
for (let i: u32 = 0; i < len; i++) {
bytes[i] = load<u8>(ptr + i)
}
return String.UTF8.decode(bytes.buffer)
}
function writeString(str: string): u64 {
const encoded = String.UTF8.encode(str)
const bytes = Uint8Array.wrap(encoded)
const ptr = malloc(bytes.length)
for (let i = 0; i < bytes.length; i++) {
store<u8>(ptr + i, bytes[i])
}
// Pack pointer (upper 32 bits) and length (lower 32 bits)
return (u64(ptr) << 32) | u64(bytes.length)
}
// Plugin configuration
let pluginConfig: string = ''
export function get_name(): u64 {
return writeString('my-typescript-wasm-plugin')
}
export function init(configPtr: u32, configLen: u32): i32 {
pluginConfig = readString(configPtr, configLen)
return 0 // Success
}
export function http_pre_hook(inputPtr: u32, inputLen: u32): u64 {
const input = readString(inputPtr, inputLen)
// Parse and modify as needed
// For pass-through, return the input with has_response: false
const output = '{"context":{},"request":null,"response":null,"has_response":false,"error":""}'
return writeString(output)
}
export function http_post_hook(inputPtr: u32, inputLen: u32): u64 {
const input = readString(inputPtr, inputLen)
// Parse input which includes both request and response
// For pass-through, just return context and empty error
const output = '{"context":{},"error":""}'
return writeString(output)
}
export function pre_hook(inputPtr: u32, inputLen: u32): u64 {
const input = readString(inputPtr, inputLen)
// Parse and modify as needed
// For pass-through, return with has_short_circuit: false
const output = '{"context":{},"request":null,"short_circuit":null,"has_short_circuit":false,"error":""}'
return writeString(output)
}
export function post_hook(inputPtr: u32, inputLen: u32): u64 {
const input = readString(inputPtr, inputLen)
// Parse and modify as needed
// For pass-through, return with has_error matching input
const output = '{"context":{},"response":null,"error":null,"has_error":false,"hook_error":""}'
return writeString(output)
}
export function cleanup(): i32 {
pluginConfig = ''
return 0 // Success
}

