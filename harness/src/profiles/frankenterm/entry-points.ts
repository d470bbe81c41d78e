/**
 * What FrankenTerm calls in a plugin. An extension (a module with an `extension.toml`) is called
 * only through the zero-argument handlers its manifest binds to events (seed 003 §Exported entry
 * points). A plain module is a configuration module, evaluated like `eval_config` does
 * (seed-systems §4.3): `configure() -> i32` with `configure_len() -> i32` when `configure` has that
 * type, else `_start() -> ()` writing JSON to stdout, else nothing.
 */
import { formatSignature, sameSignature } from '../../wasm/index.js';
import type { ExportEntry, ModuleInfo } from '../../wasm/index.js';
import { sig } from '../bifrost/bifrost-abi.js';
import type { PluginManifest } from '../profile.js';
import { readExtensionManifest } from './extension-manifest.js';
import type { ExtensionManifest } from './extension-manifest.js';

/** `() -> ()`: every handler's signature, and `_start`'s. */
export const NO_ARGS = sig('', '');
/** `() -> i32`: `configure` and `configure_len`. */
export const RETURNS_I32 = sig('', 'i32');

/** A handler the manifest names, with every event bound to it. */
export interface HandlerPlan {
  readonly name: string;
  readonly events: readonly string[];
  /** Why the host could not call it (`() -> ()` export missing or mistyped); undefined when it can. */
  readonly unusable: string | undefined;
}

/** How the host evaluates a configuration module. */
export type ConfigVia = 'configure' | '_start' | 'none';

/** What the host calls in a plugin. */
export type EntryPlan =
  | { readonly kind: 'extension'; readonly manifest: ExtensionManifest; readonly handlers: readonly HandlerPlan[] }
  | { readonly kind: 'config'; readonly via: ConfigVia };

function exportedFunction(module: ModuleInfo, name: string): ExportEntry | undefined {
  return module.exports.find((e) => e.name === name && e.kind === 'function');
}

/** True when the module exports `name` as a function of exactly that signature. */
export function exportsWithSignature(module: ModuleInfo, name: string, signature: typeof NO_ARGS): boolean {
  const found = exportedFunction(module, name)?.signature;
  return found !== undefined && sameSignature(found, signature);
}

function whyUnusable(module: ModuleInfo, name: string): string | undefined {
  const exp = module.exports.find((e) => e.name === name);
  if (exp === undefined) return 'is not exported';
  if (exp.kind !== 'function' || exp.signature === undefined) return `is exported as a ${exp.kind}, not a function`;
  if (!sameSignature(exp.signature, NO_ARGS)) return `is ${formatSignature(exp.signature)}, expected ${formatSignature(NO_ARGS)}`;
  return undefined;
}

/** The handlers a manifest binds, one entry per export name, in manifest order. */
export function planHandlers(module: ModuleInfo, manifest: ExtensionManifest): HandlerPlan[] {
  const events = new Map<string, string[]>();
  for (const hook of manifest.hooks) {
    const list = events.get(hook.handler) ?? [];
    list.push(hook.event);
    events.set(hook.handler, list);
  }
  return [...events].map(([name, bound]) => ({ name, events: bound, unusable: whyUnusable(module, name) }));
}

/** What the host calls: the manifest's handlers, or the configuration entry point. */
export function planEntryPoints(module: ModuleInfo, manifest?: PluginManifest): EntryPlan {
  if (manifest !== undefined) {
    const read = readExtensionManifest(manifest);
    return { kind: 'extension', manifest: read, handlers: planHandlers(module, read) };
  }
  if (exportsWithSignature(module, 'configure', RETURNS_I32)) return { kind: 'config', via: 'configure' };
  if (exportsWithSignature(module, '_start', NO_ARGS)) return { kind: 'config', via: '_start' };
  return { kind: 'config', via: 'none' };
}
