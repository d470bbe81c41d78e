/**
 * Builds the import object for a plugin: the profile's host functions (WASI preview1 for Bifrost)
 * wrapped so every call is traced, and a trapping stub for every import the host does not
 * provide. The stub lets a module with an unknown import still be instantiated for inspection;
 * calling it is a classified `host-function-error`, and `abi.imports-provided` reports the import
 * statically before any call is made.
 */
import { WASIProcExit } from '@bjorn3/browser_wasi_shim';
import type { HostImportSpec } from '../profiles/profile.js';
import type { ImportEntry } from '../wasm/index.js';
import { HostFunctionError } from './classify-trap.js';
import type { HostCallTrace } from './host-call-trace.js';

type HostFn = (...args: never[]) => unknown;

/** Host function implementations, by import module then name. */
export type HostFunctionTable = Readonly<Record<string, Readonly<Record<string, HostFn>>>>;

function traceArg(value: unknown): number | string {
  return typeof value === 'number' ? value : String(value);
}

function traced(qualified: string, fn: HostFn, trace: HostCallTrace): HostFn {
  return ((...args: unknown[]) => {
    try {
      const result = (fn as (...a: unknown[]) => unknown)(...args);
      trace.record({ import: qualified, args: args.map(traceArg), result: traceArg(result) });
      return result;
    } catch (thrown) {
      trace.record({ import: qualified, args: args.map(traceArg), error: String(thrown) });
      if (thrown instanceof WASIProcExit || thrown instanceof HostFunctionError) throw thrown;
      // A host function that throws is a plugin fault (bad pointer, unsupported call), reported as such.
      throw new HostFunctionError(qualified, thrown instanceof Error ? thrown.message : String(thrown));
    }
  }) as HostFn;
}

/**
 * The import object for a module: provided functions traced, everything else stubbed.
 * Non-function imports (memory, table, global) the host never provides are left out, so
 * instantiation fails with the engine's link error, which the caller reports.
 */
export function buildImports(
  imports: readonly ImportEntry[],
  provided: readonly HostImportSpec[],
  implementations: HostFunctionTable,
  trace: HostCallTrace,
): WebAssembly.Imports {
  const result: Record<string, Record<string, HostFn>> = {};
  for (const entry of imports) {
    if (entry.kind !== 'function') continue;
    const qualified = `${entry.module}.${entry.name}`;
    const isProvided = provided.some((p) => p.module === entry.module && p.name === entry.name);
    const impl = isProvided ? implementations[entry.module]?.[entry.name] : undefined;
    const fn: HostFn =
      impl !== undefined
        ? traced(qualified, impl, trace)
        : traced(qualified, () => {
            throw new HostFunctionError(qualified, 'this host does not provide this import');
          }, trace);
    (result[entry.module] ??= {})[entry.name] = fn;
  }
  return result;
}
