/**
 * Stand-ins for host functions plugcheck does not implement: each returns zero of the type the
 * plugin declared for it, and every call is traced. The general profile stubs an application's
 * `extism:host/user` functions this way; the data-source metadata call stubs every import the way
 * the real host does for metadata (seed 004 §4, plusev-cli `readPluginMeta`).
 */
import type { HostCallTrace } from '../../host/host-call-trace.js';
import type { ImportEntry, ModuleInfo, ValueType } from '../../wasm/index.js';
import { formatSignature } from '../../wasm/index.js';
import type { ExtismFunctions, ExtismHostFunction } from './extism-session.js';

const zero = (type: ValueType): number | bigint => (type === 'i64' ? 0n : 0);

/** One stubbed import, as reports list it. */
export interface StubbedImport {
  readonly import: string;
  readonly signature: string;
}

/** The function imports `select` picks, each stubbed to return zero and traced. */
export function stubFunctions(module: ModuleInfo, select: (entry: ImportEntry) => boolean, trace: HostCallTrace): ExtismFunctions {
  const table: Record<string, Record<string, ExtismHostFunction>> = {};
  for (const entry of module.imports) {
    if (entry.kind !== 'function' || !select(entry)) continue;
    const results = entry.signature?.results ?? [];
    const qualified = `${entry.module}.${entry.name}`;
    (table[entry.module] ??= {})[entry.name] = (_context, ...args) => {
      const values = results.map(zero);
      trace.record({ import: qualified, args: args.map(String), result: values.map(String).join(',') || 'none' });
      return values.length > 1 ? values : values[0];
    };
  }
  return table;
}

/** The imports `select` picks, for reports. */
export function listStubs(module: ModuleInfo, select: (entry: ImportEntry) => boolean): StubbedImport[] {
  return module.imports
    .filter((e) => e.kind === 'function' && select(e))
    .map((e) => ({ import: `${e.module}.${e.name}`, signature: e.signature === undefined ? 'unknown' : formatSignature(e.signature) }));
}
