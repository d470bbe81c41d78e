/**
 * Profile `frankenterm` (seed 003): FrankenTerm WASM extensions and configuration modules.
 *
 * An extension imports the `ft_*` host functions and exports zero-argument handlers that its
 * `extension.toml` binds to events; a configuration module exports `configure`/`configure_len`
 * or writes JSON from `_start`. The host functions are offered under both `frankenterm` (the
 * host's code) and `env` (the docs), and the hooks are read in both manifest forms; the dialect
 * says which the plugin used.
 *
 * The spec decisions it applies (spec-decisions "frankenterm"):
 * - ft_* imports from `frankenterm` or `env` pass; from any other module they fail.
 * - `[hooks]` table and `[[hooks]]` array are both dialects; the array passes with a warning
 *   because the real parser drops it. `[engine].entry` defaults to `main.wasm`.
 * - `ft_get_env` follows `[permissions].environment` (trailing `*` only) over a fixture
 *   environment; -1 otherwise. Using a failed read as a success is a capability failure.
 * - A host call with a pointer/length outside memory, invalid UTF-8 or a log level outside 0..4
 *   is a failure, though the real host logs an empty line; `ft_return_buffer_read` with a negative
 *   length returns -1.
 * - Every call runs in a fresh instance, as every real call gets a new Store. Memory is capped at
 *   1024 pages; fuel (1e9) is not metered, the wall clock (10 s) is enforced instead.
 */
import type { ModuleInfo } from '../../wasm/index.js';
import { sig } from '../bifrost/bifrost-abi.js';
import type { Dialect, HostImportSpec, OtherProfile, PluginManifest, Profile } from '../profile.js';
import { WASI_PREVIEW1, WASI_PREVIEW1_IMPORTS } from '../wasi-preview1.js';
import { NO_ARGS, planEntryPoints, RETURNS_I32 } from './entry-points.js';
import { FT_NAMESPACES } from './frankenterm-host.js';

const SEED = 'seed 003';

const FT_FUNCTIONS: readonly Omit<HostImportSpec, 'module'>[] = [
  { name: 'ft_log', signature: sig('i32,i32,i32', '') },
  { name: 'ft_get_env', signature: sig('i32,i32', 'i32') },
  { name: 'ft_return_buffer_read', signature: sig('i32,i32', 'i32') },
];

/** Which accepted namespaces the module imports `ft_*` from; `other` when it uses only some other module. */
function detectNamespace(module: ModuleInfo): string {
  const ftNames = new Set(FT_FUNCTIONS.map((f) => f.name));
  const used = new Set(module.imports.filter((i) => i.kind === 'function' && ftNames.has(i.name)).map((i) => i.module));
  const accepted = FT_NAMESPACES.filter((ns) => used.has(ns));
  if (accepted.length > 1) return 'mixed';
  return accepted[0] ?? (used.size > 0 ? 'other' : 'none');
}

/**
 * A bare `_start` only identifies a configuration module when the module could run under
 * FrankenTerm at all: every function import is WASI or an `ft_*` function. Otherwise any WASI
 * command (or another system's plugin that happens to be one) would claim this profile.
 */
function importsOnlyFrankenterm(module: ModuleInfo): boolean {
  const ftNames = new Set(FT_FUNCTIONS.map((f) => f.name));
  return module.imports.every((i) => i.kind !== 'function' || i.module === WASI_PREVIEW1 || ftNames.has(i.name));
}

/** The frankenterm profile. */
export const frankenterm: OtherProfile = {
  id: 'frankenterm',
  family: 'frankenterm',
  title: 'FrankenTerm WASM extensions and configuration modules (wasmtime host)',
  seed: SEED,
  // `memory` is left out: every module has one, so it would make any module score as FrankenTerm.
  // `_start` is not an `entry` (any WASI command exports it); entryPoints decides when it counts.
  exports: [
    { name: 'configure', role: 'entry', signatures: [RETURNS_I32], specRef: 'seed-systems §4.3 (eval_config: configure() -> i32)' },
    { name: 'configure_len', role: 'metadata', signatures: [RETURNS_I32], specRef: 'seed-systems §4.3 (eval_config: configure_len() -> i32)' },
    { name: '_start', role: 'metadata', signatures: [NO_ARGS], specRef: 'seed-systems §4.3 (eval_config: _start() -> () writing JSON to stdout)' },
  ],
  // No export has a fixed name: the manifest names an extension's handlers (abi.handlers-exported)
  // and a configuration module needs configure or _start (lifecycle.entry-points-run).
  required: [],
  hostImports: [...FT_NAMESPACES.flatMap((module) => FT_FUNCTIONS.map((f) => ({ module, ...f }))), ...WASI_PREVIEW1_IMPORTS],
  // wasm_engine.rs: 64 MiB, 1e9 fuel, 10 s; the real host does not enforce the wall clock, plugcheck does.
  limits: { callTimeoutMs: 10_000, instantiateTimeoutMs: 10_000, memoryPages: 1024, fuel: 1_000_000_000 },
  lifecycle: 'fresh',
  detectDialect(module: ModuleInfo, manifest?: PluginManifest): Dialect {
    const plan = planEntryPoints(module, manifest);
    return {
      namespace: detectNamespace(module),
      hooks: plan.kind === 'extension' ? plan.manifest.hooksForm : 'no-manifest',
      entry: plan.kind === 'extension' ? 'handlers' : plan.via,
    };
  },
  entryPoints(module: ModuleInfo, manifest?: PluginManifest): readonly string[] {
    const plan = planEntryPoints(module, manifest);
    if (plan.kind === 'extension') return plan.handlers.map((h) => h.name);
    return ['configure', ...(importsOnlyFrankenterm(module) ? ['_start'] : [])];
  },
};

/** The frankenterm profiles, in detection order. */
export const FRANKENTERM_PROFILES: readonly Profile[] = [frankenterm];
