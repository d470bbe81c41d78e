/**
 * Loads the real Extism JS runtime (@extism/extism 2.0.0-rc13) on first use. It is imported lazily
 * because its module imports `node:wasi`, which prints "ExperimentalWarning: WASI is an experimental
 * feature" on stderr: loading it for every run would put that line into the output of plugcheck
 * runs that have nothing to do with Extism. The one warning is filtered while it loads.
 *
 * Once loaded, the runtime loads and calls a one-function module, so the first load and call of a
 * plugin are not charged with compiling the runtime's own code (about 16 ms, far more on a busy
 * machine) inside the plugin's time limit.
 */
import type * as Extism from '@extism/extism';

/** The runtime's module namespace. */
export type ExtismRuntime = typeof Extism;

let loading: Promise<ExtismRuntime> | undefined;

// (module (func (export "w") (result i32) (i32.const 0)))
const WARM_UP = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7f, 3, 2, 1, 0, 7, 5, 1, 1, 0x77, 0, 0, 10, 6, 1, 4, 0, 0x41, 0, 0x0b]);

async function warmUp(runtime: ExtismRuntime): Promise<void> {
  const plugin = await runtime.createPlugin({ wasm: [{ data: WARM_UP, name: 'main' }] }, { useWasi: false, runInWorker: false, logLevel: 'silent' });
  await plugin.call('w', '');
  await plugin.close();
}

function isWasiWarning(warning: string | Error, rest: readonly unknown[]): boolean {
  const first = rest[0];
  const type = typeof first === 'string' ? first : (first as { type?: unknown } | undefined)?.type;
  const text = typeof warning === 'string' ? warning : warning.message;
  return type === 'ExperimentalWarning' && text.startsWith('WASI');
}

/** The Extism runtime, loaded once per thread. */
export function extismRuntime(): Promise<ExtismRuntime> {
  loading ??= (async () => {
    const original = process.emitWarning;
    process.emitWarning = function filtered(this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
      if (isWasiWarning(warning, rest)) return;
      (original as (...args: unknown[]) => void).call(process, warning, ...rest);
    } as typeof process.emitWarning;
    let runtime: ExtismRuntime;
    try {
      runtime = await import('@extism/extism');
    } finally {
      process.emitWarning = original;
    }
    await warmUp(runtime);
    return runtime;
  })();
  return loading;
}
