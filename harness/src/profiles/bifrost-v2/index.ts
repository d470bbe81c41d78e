/**
 * Profile `bifrost-v2`: the Bifrost / DeepIntShield single-input ABI (seed 001).
 * Every hook is `(input_ptr, input_len) -> u64` over one JSON document.
 */
import type { ModuleInfo } from '../../wasm/index.js';
import { BIFROST_HOST, commonExports, detectAllocatorDialect, sig } from '../bifrost/bifrost-abi.js';
import type { BifrostProfile, EnvelopeField, ExportSpec, HookSpec } from '../profile.js';
import {
  HTTP_POST_HOOK_FIXTURES,
  HTTP_PRE_HOOK_FIXTURES,
  HTTP_STREAM_CHUNK_HOOK_FIXTURES,
  POST_HOOK_FIXTURES,
  PRE_HOOK_FIXTURES,
} from './fixtures.js';

const SEED = 'seed 001';
const HOOK_SIG = sig('i32,i32', 'i64');
const INPUT = [{ name: 'input' }];
const context: EnvelopeField = { name: 'context', type: 'object' };
const error: EnvelopeField = { name: 'error', type: 'string' };

// Fields the Go output types never omit are required (spec-decisions: bifrost).
const HOOKS: readonly HookSpec[] = [
  {
    name: 'http_pre_hook', params: INPUT, aliases: ['http_intercept'], fixtures: HTTP_PRE_HOOK_FIXTURES,
    envelope: [context, { name: 'has_response', type: 'boolean' }, error], specRef: `${SEED} §http_pre_hook Output`,
  },
  { name: 'http_post_hook', params: INPUT, fixtures: HTTP_POST_HOOK_FIXTURES, envelope: [context, error], specRef: `${SEED} §http_post_hook Output` },
  {
    name: 'http_stream_chunk_hook', params: INPUT, fixtures: HTTP_STREAM_CHUNK_HOOK_FIXTURES,
    envelope: [context, { name: 'has_chunk', type: 'boolean' }, { name: 'skip', type: 'boolean' }, error],
    specRef: `${SEED} §http_stream_chunk_hook Output`,
  },
  {
    name: 'pre_hook', params: INPUT, fixtures: PRE_HOOK_FIXTURES,
    envelope: [context, { name: 'has_short_circuit', type: 'boolean' }, error], specRef: `${SEED} §pre_hook Output`,
  },
  {
    name: 'post_hook', params: INPUT, fixtures: POST_HOOK_FIXTURES,
    envelope: [context, { name: 'has_error', type: 'boolean' }, { name: 'hook_error', type: 'string' }],
    specRef: `${SEED} §post_hook Output`,
  },
];

const EXPORTS: readonly ExportSpec[] = [
  ...commonExports(SEED),
  ...HOOKS.flatMap((h) =>
    [h.name, ...(h.aliases ?? [])].map((name): ExportSpec => ({ name, role: 'hook', signatures: [HOOK_SIG], specRef: h.specRef })),
  ),
];

/** The bifrost-v2 profile. */
export const bifrostV2: BifrostProfile = {
  id: 'bifrost-v2',
  family: 'bifrost',
  title: 'Bifrost single-input ABI (TypeScript/AssemblyScript, Go, Rust plugins)',
  seed: SEED,
  exports: EXPORTS,
  required: [
    { label: 'an allocator', anyOf: ['malloc', 'plugin_malloc'], specRef: `${SEED} §Exports: malloc` },
    { label: 'a free function', anyOf: ['free', 'plugin_free'], specRef: `${SEED} §Exports: free` },
    { label: 'get_name', anyOf: ['get_name'], specRef: `${SEED} §Exports: get_name` },
    { label: 'cleanup', anyOf: ['cleanup'], specRef: `${SEED} §Exports: cleanup` },
    {
      label: 'at least one hook',
      anyOf: HOOKS.flatMap((h) => [h.name, ...(h.aliases ?? [])]),
      specRef: 'seed-systems §1.3 (hooks are optional one by one, a plugin needs one)',
    },
  ],
  hooks: HOOKS,
  ...BIFROST_HOST,
  detectDialect(module: ModuleInfo) {
    const has = (name: string) => module.exports.some((e) => e.name === name);
    const http = has('http_pre_hook') ? 'http_pre_hook' : has('http_intercept') ? 'http_intercept' : 'none';
    return { ...detectAllocatorDialect(module), http };
  },
};
