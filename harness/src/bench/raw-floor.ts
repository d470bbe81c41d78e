/**
 * The raw floor: the least any host must do to call a Bifrost hook over JSON — stringify, copy
 * in (malloc + write), call, copy out (read + free both blocks), parse — with no harness around
 * it: no bounds checks, no strict UTF-8, no heartbeat, no tracing. plugcheck's own per-call cost
 * is reported as a ratio to this, measured in the same process.
 */

type Fn = (...args: number[]) => unknown;

/** Which allocator exports the floor calls (the plugin's dialect); `malloc`/`free(ptr, size)` when absent. */
export interface FloorExports {
  readonly allocator?: string;
  readonly free?: string;
}

/**
 * Returns a function that runs one raw round trip of `hook` over one JSON document per parameter,
 * on `instance` (already instantiated and initialised by its owner, so plugins with imports work).
 */
export function rawHookCall(instance: WebAssembly.Instance, hook: string, names: FloorExports = {}): (inputs: readonly unknown[]) => unknown {
  const ex = instance.exports as Record<string, unknown>;
  const memory = ex['memory'] as WebAssembly.Memory;
  const malloc = ex[names.allocator ?? 'malloc'] as Fn;
  const free = ex[names.free ?? 'free'] as Fn;
  const call = ex[hook] as (...args: number[]) => bigint;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const args: number[] = [];
  return (inputs) => {
    args.length = 0;
    for (const input of inputs) {
      const text = JSON.stringify(input);
      const len = Buffer.byteLength(text);
      const ptr = malloc(len) as number;
      encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, len));
      args.push(ptr, len);
    }
    const packed = BigInt.asUintN(64, call(...args));
    const outPtr = Number(packed >> 32n);
    const outLen = Number(packed & 0xffffffffn);
    const out = decoder.decode(new Uint8Array(memory.buffer, outPtr, outLen));
    // Extra arguments are ignored by a one-parameter free, so passing the size suits both dialects.
    for (let i = 0; i < args.length; i += 2) free(args[i] as number, args[i + 1] as number);
    free(outPtr, outLen);
    return JSON.parse(out);
  };
}

/** Returns a function that runs one raw round trip of `hook` on a fresh import-free instance of `module`. */
export function rawRoundTrip(module: WebAssembly.Module, hook: string): (input: unknown) => unknown {
  const instance = new WebAssembly.Instance(module, {});
  const init = instance.exports['_initialize'];
  if (typeof init === 'function') (init as Fn)();
  const call = rawHookCall(instance, hook);
  return (input) => call([input]);
}
