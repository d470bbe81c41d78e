/**
 * Profile `bifrost-v1`: the older multi-argument Bifrost ABI documented only in the TinyGo
 * hello-world README (seed 000). No public code implements it (seed-systems §1.2), so this profile
 * follows the README to the letter.
 */
import type { ModuleInfo } from '../../wasm/index.js';
import { BIFROST_HOST, commonExports, detectAllocatorDialect, sig } from '../bifrost/bifrost-abi.js';
import type { BifrostProfile, ExportSpec, HookSpec } from '../profile.js';
import { HTTP_TRANSPORT_INTERCEPT_FIXTURES, POST_HOOK_FIXTURES, PRE_HOOK_FIXTURES } from './fixtures.js';

const SEED = 'seed 000';
const error = { name: 'error', type: 'string' } as const;

const HOOKS: readonly HookSpec[] = [
  {
    name: 'http_transport_intercept', params: [{ name: 'ctx' }, { name: 'req' }], fixtures: HTTP_TRANSPORT_INTERCEPT_FIXTURES,
    envelope: [{ name: 'response', type: 'object|null' }, error], specRef: `${SEED} §HTTPTransportIntercept Output`,
  },
  {
    name: 'pre_hook', params: [{ name: 'ctx' }, { name: 'req' }], fixtures: PRE_HOOK_FIXTURES,
    envelope: [{ name: 'request', type: 'any' }, { name: 'short_circuit', type: 'object|null' }, error],
    specRef: `${SEED} §PreLLMHook Output`,
  },
  {
    name: 'post_hook', params: [{ name: 'ctx' }, { name: 'resp' }, { name: 'err' }], fixtures: POST_HOOK_FIXTURES,
    envelope: [{ name: 'response', type: 'any' }, { name: 'bifrost_error', type: 'object|null' }, error],
    specRef: `${SEED} §PostLLMHook Output`,
  },
];

const EXPORTS: readonly ExportSpec[] = [
  ...commonExports(SEED),
  ...HOOKS.map((h): ExportSpec => ({
    name: h.name,
    role: 'hook',
    signatures: [sig(h.params.flatMap(() => ['i32', 'i32']).join(','), 'i64')],
    specRef: `${SEED} §Plugin Structure: ${h.name}`,
  })),
];

/** The bifrost-v1 profile. */
export const bifrostV1: BifrostProfile = {
  id: 'bifrost-v1',
  family: 'bifrost',
  title: 'Bifrost multi-argument ABI (TinyGo README)',
  seed: SEED,
  exports: EXPORTS,
  required: [
    { label: 'an allocator', anyOf: ['plugin_malloc', 'malloc'], specRef: `${SEED} §Plugin Structure: plugin_malloc` },
    { label: 'get_name', anyOf: ['get_name'], specRef: `${SEED} §Plugin Structure: get_name` },
    { label: 'cleanup', anyOf: ['cleanup'], specRef: `${SEED} §Plugin Structure: cleanup` },
    { label: 'at least one hook', anyOf: HOOKS.map((h) => h.name), specRef: `${SEED} §Plugin Structure` },
  ],
  hooks: HOOKS,
  ...BIFROST_HOST,
  detectDialect(module: ModuleInfo) {
    return detectAllocatorDialect(module);
  },
};
