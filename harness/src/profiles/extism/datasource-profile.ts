/**
 * Profile `extism-datasource`: PlusEV terminal data-source plugins (seed 004), Extism plugins whose
 * exports are `() -> i32` and whose host functions each take and return one i64 kernel offset of a
 * JSON document.
 *
 * Two export generations are dialects (seed-systems §5.2): the seed's "generic" one (`plugin_info`,
 * `plugin_configure`, `start_stream`, `stop_stream`) and the current one of go-plugin-common (`meta`,
 * `init`, `handle_command`…). The host functions are offered under both `env` (the seed's docs) and
 * `extism:host/user` (the seed's own code, go-plugin-common, Extism's default); the report names
 * the namespace used and a plugin importing them from anywhere else fails (spec-decisions
 * "extism-datasource"). `time_now` comes from the current generation (seed-systems §5.3).
 */
import type { ModuleInfo } from '../../wasm/index.js';
import type { ExportRole, ExportSpec, HostImportSpec, OtherProfile } from '../profile.js';
import { WASI_PREVIEW1_IMPORTS } from '../wasi-preview1.js';
import { ENTRY_SIGNATURE } from './entry-exports.js';
import { EXTISM_HOST } from './extism-profile.js';
import { compactSignature, EXTISM_USER, KERNEL_IMPORTS } from './kernel-imports.js';

const SEED = 'seed 004';
const GENERIC = `${SEED} §Generic Plugin Exports`;
const CURRENT = 'seed-systems §5.2 (current generation, go-plugin-common plugin.go)';

/** The import modules a data-source host registers its functions under: the docs' and the code's. */
export const DATASOURCE_NAMESPACES: readonly string[] = ['env', EXTISM_USER];

/** The data-source host functions, each `(i64) -> i64` (seed 004 §Host Functions Available to Plugin). */
export const DATASOURCE_FUNCTIONS = [
  'http_request',
  'log_record',
  'ws_connect',
  'ws_send',
  'ws_receive',
  'ws_close',
  'publish_stream_data',
  'time_now',
] as const;

/** The name of one data-source host function. */
export type DatasourceFunction = (typeof DATASOURCE_FUNCTIONS)[number];

const HOST_FUNCTIONS: readonly HostImportSpec[] = DATASOURCE_NAMESPACES.flatMap((module) =>
  DATASOURCE_FUNCTIONS.map((name) => ({ module, name, signature: compactSignature('I>I') })),
);

const entry = (name: string, role: ExportRole, specRef: string): ExportSpec => ({ name, role, signatures: [ENTRY_SIGNATURE], specRef });

const EXPORTS: readonly ExportSpec[] = [
  { name: 'memory', role: 'memory', signatures: [], specRef: `${SEED} §Building Plugins (Go wasip1 reactors export their memory)` },
  entry('plugin_info', 'metadata', GENERIC),
  entry('plugin_configure', 'init', GENERIC),
  entry('start_stream', 'entry', GENERIC),
  entry('stop_stream', 'entry', GENERIC),
  entry('meta', 'metadata', `${CURRENT}; seed-systems §5.5 (plusev-cli reads meta)`),
  entry('get_credential_fields', 'entry', 'seed-systems §5.2 (generation B)'),
  entry('get_name', 'name', 'seed-systems §5.2 (generation B)'),
  entry('list_markets', 'entry', 'seed-systems §5.2 (generation B)'),
  entry('get_timeframes', 'entry', 'seed-systems §5.2 (generation B)'),
  entry('get_ohlcv', 'entry', 'seed-systems §5.2 (generation B)'),
  entry('init', 'init', CURRENT),
  entry('handle_command', 'entry', CURRENT),
  entry('get_configuration_fields', 'entry', CURRENT),
  entry('get_rate_limits', 'entry', CURRENT),
  entry('shutdown', 'cleanup', CURRENT),
  entry('handle_stream_message', 'entry', `${CURRENT} (streaming.go)`),
  entry('handle_connection_event', 'entry', `${CURRENT} (streaming.go)`),
];

/** The export generation of a data-source plugin: seed 004's "generic" one or the current one. */
export function detectGeneration(module: ModuleInfo): 'generic' | 'current' | 'none' {
  const has = (name: string) => module.exports.some((e) => e.name === name && e.kind === 'function');
  if (['plugin_info', 'plugin_configure', 'start_stream', 'stop_stream'].some(has)) return 'generic';
  if (['handle_command', 'init', 'meta'].some(has)) return 'current';
  return 'none';
}

/** The namespace the plugin imports the data-source host functions from. */
export function detectNamespace(module: ModuleInfo): string {
  const names: readonly string[] = DATASOURCE_FUNCTIONS;
  const used = new Set(module.imports.filter((i) => i.kind === 'function' && names.includes(i.name)).map((i) => i.module));
  const known = DATASOURCE_NAMESPACES.filter((n) => used.has(n));
  if (known.length === 2) return 'both';
  return known[0] ?? (used.size > 0 ? 'other' : 'none');
}

/** The extism-datasource profile. */
export const datasourceProfile: OtherProfile = {
  id: 'extism-datasource',
  family: 'extism',
  title: 'PlusEV data-source plugin on Extism (plugin_info/start_stream or meta/handle_command)',
  seed: SEED,
  exports: EXPORTS,
  required: [
    { label: 'a metadata export', anyOf: ['plugin_info', 'meta'], specRef: `${SEED} §Plugin Flow "Calls plugin_info"; seed-systems §5.5` },
    { label: 'a configuration export', anyOf: ['plugin_configure', 'init'], specRef: `${SEED} §Plugin Flow "Calls plugin_configure with config"` },
    { label: 'a command export', anyOf: ['start_stream', 'handle_command'], specRef: `${SEED} §Plugin Flow "Calls start_stream with StreamKey"` },
  ],
  hostImports: [...KERNEL_IMPORTS, ...HOST_FUNCTIONS, ...WASI_PREVIEW1_IMPORTS],
  ...EXTISM_HOST,
  detectDialect(module: ModuleInfo) {
    return { generation: detectGeneration(module), namespace: detectNamespace(module) };
  },
};
