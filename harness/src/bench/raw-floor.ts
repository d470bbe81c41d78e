/**
 * The raw floor: the least any host must do to call a Bifrost hook over JSON — stringify, copy
 * in (malloc + write), call, copy out (read + free both blocks), parse — with no harness around
 * it: no bounds checks, no strict UTF-8, no heartbeat, no tracing. plugcheck's own per-call cost
 * is reported as a ratio to this, measured in the same process.
 */

type Fn = (...args: number[]) => unknown;

/** Returns a function that runs one raw round trip of `hook` on a fresh instance of `module`. */
export function rawRoundTrip(module: WebAssembly.Module, hook: string): (input: unknown) => unknown {
  const instance = new WebAssembly.Instance(module, {});
  const ex = instance.exports as Record<string, unknown>;
  const memory = ex['memory'] as WebAssembly.Memory;
  const malloc = ex['malloc'] as Fn;
  const free = ex['free'] as Fn;
  const call = ex[hook] as (ptr: number, len: number) => bigint;
  if (typeof ex['_initialize'] === 'function') (ex['_initialize'] as Fn)();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return (input) => {
    const text = JSON.stringify(input);
    const len = Buffer.byteLength(text);
    const ptr = malloc(len) as number;
    encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, len));
    const packed = BigInt.asUintN(64, call(ptr, len));
    const outPtr = Number(packed >> 32n);
    const outLen = Number(packed & 0xffffffffn);
    const out = decoder.decode(new Uint8Array(memory.buffer, outPtr, outLen));
    free(ptr, len);
    free(outPtr, outLen);
    return JSON.parse(out);
  };
}
