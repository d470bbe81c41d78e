/**
 * The two Extism profiles as data: the kernel table against the real runtime, identification by
 * kernel imports, the data-source dialects, and detection order (the data source wins ties).
 */
import { describe, expect, it } from 'vitest';
import { detectProfile } from '../../../src/profiles/detect-profile.js';
import { datasourceProfile } from '../../../src/profiles/extism/datasource-profile.js';
import { ExtismSession, prepareModule } from '../../../src/profiles/extism/extism-session.js';
import { extismProfile } from '../../../src/profiles/extism/extism-profile.js';
import { KERNEL_IMPORTS } from '../../../src/profiles/extism/kernel-imports.js';
import { EXTISM_PROFILES } from '../../../src/profiles/extism/index.js';
import { formatSignature } from '../../../src/wasm/index.js';
import { compileWat } from '../../support/wat.js';

const watType = (types: readonly string[], keyword: string) => (types.length === 0 ? '' : `(${keyword} ${types.join(' ')})`);

describe('the Extism kernel table', () => {
  it('has the signatures the PDKs declare', () => {
    const table = Object.fromEntries(KERNEL_IMPORTS.map((k) => [k.name, formatSignature(k.signature)]));
    expect(table).toMatchObject({
      input_length: '() -> i64',
      input_load_u8: '(i64) -> i32',
      store_u8: '(i64, i32) -> ()',
      output_set: '(i64, i64) -> ()',
      http_request: '(i64, i64) -> i64',
      http_status_code: '() -> i32',
      get_log_level: '() -> i32',
      log_trace: '(i64) -> ()',
    });
    expect(KERNEL_IMPORTS).toHaveLength(27);
  });

  it('names only functions the rc13 runtime implements, which answer with those types', async () => {
    const imports = KERNEL_IMPORTS.map((k, i) => `(import "extism:host/env" "${k.name}" (func $k${i} ${watType(k.signature.params, 'param')} ${watType(k.signature.results, 'result')}))`);
    const index = (name: string) => KERNEL_IMPORTS.findIndex((k) => k.name === name);
    const compiled = compileWat(`(module ${imports.join('\n')}
      (memory (export "memory") 1)
      (func (export "run") (result i32)
        (i32.add (i32.wrap_i64 (call $k${index('input_length')})) (call $k${index('get_log_level')}))))`);
    const loaded = await ExtismSession.load({ prepared: prepareModule(compiled.bytes, compiled.info), functions: {}, heartbeat: undefined, callTimeoutMs: 1000, instantiateTimeoutMs: 1000 });
    if (!loaded.ok) throw new Error(loaded.trap.message);
    // input length 3 plus log level "trace" (0)
    expect(await loaded.session.call('run', 'abc')).toMatchObject({ kind: 'returned', rc: 3 });
  });
});

describe('detection', () => {
  const detect = (source: string) => detectProfile(compileWat(source).info);

  it('lists extism-datasource before the general profile', () => {
    expect(EXTISM_PROFILES.map((p) => p.id)).toEqual(['extism-datasource', 'extism']);
  });

  it('identifies a plugin by its kernel imports; its () -> i32 exports are its entry points', () => {
    const found = detect(`(module (import "extism:host/env" "input_length" (func (result i64)))
      (memory (export "memory") 1) (func (export "greet") (result i32) (i32.const 0)) (func (export "_initialize")))`);
    expect(found).toMatchObject({ kind: 'matched', best: { profile: 'extism', entryPoints: ['greet'], dialect: { guest: 'reactor', wasi: 'none' } } });
  });

  it('does not take a module without kernel imports for an Extism plugin', () => {
    const found = detect('(module (memory (export "memory") 1) (func (export "cleanup") (result i32) (i32.const 0)))');
    const extism = found.candidates.find((c) => c.profile === 'extism');
    expect(extism?.entryPoints).toEqual([]);
    expect(found.kind === 'matched' ? found.best.profile : undefined).not.toBe('extism');
  });

  it('reads the data-source generation and namespace', () => {
    const exportsB = ['plugin_info', 'plugin_configure', 'start_stream', 'stop_stream'].map((n) => `(func (export "${n}") (result i32) (i32.const 0))`).join(' ');
    const imp = (module: string, name: string) => `(import "${module}" "${name}" (func (param i64) (result i64)))`;
    const env = detect(`(module ${imp('env', 'ws_connect')} (memory (export "memory") 1) ${exportsB})`);
    expect(env).toMatchObject({ kind: 'matched', best: { profile: 'extism-datasource', dialect: { generation: 'generic', namespace: 'env' } } });
    const both = compileWat(`(module ${imp('env', 'ws_connect')} ${imp('extism:host/user', 'log_record')} (memory (export "memory") 1) ${exportsB})`);
    expect(datasourceProfile.detectDialect(both.info)).toEqual({ generation: 'generic', namespace: 'both' });
    const current = compileWat(`(module (memory (export "memory") 1) (func (export "meta") (result i32) (i32.const 0)) (func (export "handle_command") (result i32) (i32.const 0)))`);
    expect(datasourceProfile.detectDialect(current.info)).toEqual({ generation: 'current', namespace: 'none' });
    const other = compileWat(`(module ${imp('plusev', 'ws_connect')} (memory (export "memory") 1) ${exportsB})`);
    expect(datasourceProfile.detectDialect(other.info)).toMatchObject({ namespace: 'other' });
  });

  it('accepts any application function of the general profile, and none of the data source', () => {
    expect(extismProfile.applicationImportModules).toEqual(['extism:host/user']);
    expect(datasourceProfile.applicationImportModules).toBeUndefined();
  });
});
