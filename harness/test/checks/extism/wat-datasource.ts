/**
 * Builds small data-source plugins in WAT for the extism check tests: each export answers the same
 * way on every call (an output, an error_set, host calls, a return code), which is enough to put
 * one rule of the data-source contract in front of a check at a time.
 */
import { datasourceProfile } from '../../../src/profiles/extism/datasource-profile.js';
import type { CheckContext } from '../../../src/engine/check-context.js';
import { compileWat } from '../../support/wat.js';
import { contextFor } from '../../support/plugins.js';

/** What one export does, in this order: host calls, output_set, error_set, return. */
export interface ExportBehaviour {
  readonly hostCalls?: readonly { readonly fn: string; readonly payload: unknown }[];
  readonly output?: unknown;
  readonly error?: string;
  readonly rc: number;
}

const GOOD_INFO = {
  name: 'wat-source', version: '1.0.0', author: 't', type: 'datasource', description: 'd', streamTypes: ['ohlcv'], networkTargets: ['https://api.example.test/*'],
};

/** A good generation-B data source; override exports to break one rule. */
export const GOOD: Readonly<Record<string, ExportBehaviour>> = {
  plugin_info: { output: GOOD_INFO, rc: 0 },
  plugin_configure: { output: 'configured', rc: 0 },
  start_stream: { output: { success: true, data: { status: 'started' } }, rc: 0 },
  stop_stream: { output: { success: true, data: { status: 'stopped' } }, rc: 0 },
};

const escapeWat = (bytes: Uint8Array) => [...bytes].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');

/** The WAT of a plugin whose exports behave as given, host functions imported from extism:host/user. */
export function datasourceWat(exports: Readonly<Record<string, ExportBehaviour>>): string {
  const data: string[] = [];
  let offset = 0;
  const place = (value: unknown): [number, number] => {
    const bytes = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
    data.push(`(data (i32.const ${offset}) "${escapeWat(bytes)}")`);
    const at: [number, number] = [offset, bytes.length];
    offset += bytes.length;
    return at;
  };
  const fns = new Set(Object.values(exports).flatMap((e) => (e.hostCalls ?? []).map((c) => c.fn)));
  const bodies = Object.entries(exports).map(([name, e]) => {
    const lines = (e.hostCalls ?? []).map((c) => {
      const [p, l] = place(c.payload);
      return `(drop (call $${c.fn} (call $block (i32.const ${p}) (i32.const ${l}))))`;
    });
    if (e.output !== undefined) {
      const [p, l] = place(e.output);
      lines.push(`(call $output_set (call $block (i32.const ${p}) (i32.const ${l})) (i64.const ${l}))`);
    }
    if (e.error !== undefined) {
      const [p, l] = place(e.error);
      lines.push(`(call $error_set (call $block (i32.const ${p}) (i32.const ${l})))`);
    }
    return `(func (export "${name}") (result i32) ${lines.join(' ')} (i32.const ${e.rc}))`;
  });
  return `(module
    (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
    (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
    (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
    (import "extism:host/env" "error_set" (func $error_set (param i64)))
    ${[...fns].map((fn) => `(import "extism:host/user" "${fn}" (func $${fn} (param i64) (result i64)))`).join('\n')}
    (memory (export "memory") 1)
    ${data.join('\n')}
    (func $block (param $at i32) (param $len i32) (result i64)
      (local $block i64) (local $i i32)
      (local.set $block (call $alloc (i64.extend_i32_u (local.get $len))))
      (block $done (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (call $store_u8 (i64.add (local.get $block) (i64.extend_i32_u (local.get $i))) (i32.load8_u (i32.add (local.get $at) (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
      (local.get $block))
    ${bodies.join('\n')})`;
}

/** A check context (extism-datasource) over a plugin whose exports behave as given. */
export function datasourceContext(overrides: Readonly<Record<string, ExportBehaviour>>): CheckContext {
  return contextFor(compileWat(datasourceWat({ ...GOOD, ...overrides })), { profile: datasourceProfile });
}
