/**
 * FrankenTerm's run-time schema checks: schema.config-output judges what a configuration module's
 * readable bytes say (UTF-8, one JSON document, an object per schemas/frankenterm/<entry>.output),
 * and schema.host-calls (frankenterm) reports every ft_* payload that did not fit its input schema,
 * validated by the host as the call happened. Each fails on its bundled faulty plugin and on WAT
 * made for the case, naming the path, the rule and the dialect, and passes on the good plugins.
 */
import { describe, expect, it } from 'vitest';
import configOutput from '../../../src/checks/schema/config-output.js';
import hostCalls from '../../../src/checks/schema/frankenterm-host-calls.js';
import { findCheck } from '../../../src/checks/index.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { extensionToml, frankentermContext, ftImports } from '../../profiles/frankenterm/frankenterm-context.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPluginsDir } from '../../../src/config/bundled-plugins.js';

const source = (name: string) => readFileSync(join(bundledPluginsDir(), 'src', `${name}.wat`), 'utf8');

/** A configuration module whose configure()/configure_len() return 1024/`len` over `data`. */
const configModule = (data: string, len: number) => `(module (memory (export "memory") 1)
  (data (i32.const 1024) "${data}")
  (func (export "configure") (result i32) (i32.const 1024))
  (func (export "configure_len") (result i32) (i32.const ${len})))`;

/** A WASI command whose _start writes `data` (`len` bytes) to stdout. */
const startModule = (data: string, len: number) => `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 1024) "${data}")
  (func (export "_start")
    (i32.store (i32.const 16) (i32.const 1024))
    (i32.store (i32.const 20) (i32.const ${len}))
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 32)))))`;

const evidenceOf = (outcome: CheckOutcome, key: string) => (outcome.status === 'failed' ? (outcome.evidence[key] as Record<string, unknown>[]) : []);

describe('the registry', () => {
  it('finds each frankenterm implementation by id and profile', () => {
    expect(findCheck('schema.host-calls', 'frankenterm')).toBe(hostCalls);
    expect(findCheck('schema.host-calls', 'extism-datasource')).not.toBe(hostCalls);
    expect(findCheck('schema.config-output', 'frankenterm')).toBe(configOutput);
  });
});

describe('schema.config-output', () => {
  it('passes a JSON object from configure() and from _start, and an extension (no configuration)', async () => {
    expect(await configOutput.run(frankentermContext(source('frankenterm-good-config')))).toMatchObject({ status: 'passed', message: expect.stringContaining('fits schemas/frankenterm/configure.output.schema.json (4 keys)') });
    expect(await configOutput.run(frankentermContext(startModule('{\\"font_size\\":12}', 16)))).toMatchObject({ status: 'passed', message: expect.stringContaining('_start stdout (16 bytes) fits schemas/frankenterm/_start.output.schema.json') });
    const extension = `(module (memory (export "memory") 1) (func (export "on_reload")))`;
    expect(await configOutput.run(frankentermContext(extension, extensionToml()))).toMatchObject({ status: 'passed', message: expect.stringContaining('extension') });
  });

  it.each([
    ['the trailing comma of the bundled faulty plugin', source('frankenterm-config-bad-json'), 'configure() (47 bytes at 1024): output is not exactly one JSON document: Expected double-quoted property name in JSON at position 46', {}],
    ['invalid UTF-8', configModule('{\\"a\\":\\"\\ff\\"}', 8), 'configure() (8 bytes at 1024) is not UTF-8 at byte 6', { byte: 6 }],
    ['NUL padding after the JSON', configModule('{}\\00', 3), 'the document ends at byte 2, followed by 1 NUL byte of padding', { documentEndsAt: 2, trailingBytes: 1 }],
    ['a JSON array', configModule('[1]', 3), 'configure() (3 bytes at 1024) is an array, not a JSON object', { violations: [expect.objectContaining({ instancePath: '', keyword: 'type', schemaPath: 'https://plugcheck.dev/schemas/frankenterm/configure.output.schema.json#/type' })] }],
    ['_start printing bytes that are not UTF-8', startModule('\\ff', 1), '_start stdout (1 bytes) is not UTF-8 at byte 0', { byte: 0 }],
  ])('fails %s, saying where', async (_what, wat, message, at) => {
    const outcome = await configOutput.run(frankentermContext(wat));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain(message);
    expect(evidenceOf(outcome, 'failing')[0]).toMatchObject({ ...at, dialect: { namespace: 'none', hooks: 'no-manifest' } });
  });
});

describe('schema.host-calls (frankenterm)', () => {
  it('fails the bundled plugin whose ft_get_env key is "THEME=dark", naming the rule and the namespace', async () => {
    const outcome = await hostCalls.run(frankentermContext(source('frankenterm-schema-host-call')));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('`configure` called ft_get_env (namespace frankenterm) with "THEME=dark": (document): must match pattern "^[^=\\u0000]+$", received THEME=dark');
    expect(evidenceOf(outcome, 'findings')[0]).toMatchObject({
      call: 'ft_get_env',
      payload: 'THEME=dark',
      schema: 'frankenterm/ft_get_env.input.schema.json',
      dialect: expect.objectContaining({ namespace: 'frankenterm' }),
      violations: [expect.objectContaining({ instancePath: '', keyword: 'pattern', schemaPath: expect.stringContaining('ft_get_env.input.schema.json#') })],
    });
  });

  it('fails a negative ft_return_buffer_read length at /out_len, under the env namespace', async () => {
    const wat = `(module ${ftImports('env')} (memory (export "memory") 1) (data (i32.const 1024) "HOME")
      (func (export "on_reload") (drop (call $ft_get_env (i32.const 1024) (i32.const 4))) (drop (call $ft_read (i32.const 2048) (i32.const -1)))))`;
    const outcome = await hostCalls.run(frankentermContext(wat, extensionToml(['HOME'])));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('`on_reload` (config.reload) called ft_return_buffer_read (namespace env) with {"out_ptr":2048,"out_len":-1}: /out_len: must be >= 0');
  });

  it('passes when every payload fits, counting them', async () => {
    const wat = `(module ${ftImports()} (memory (export "memory") 1) (data (i32.const 1024) "HOMEhi")
      (func (export "on_reload") (call $ft_log (i32.const 2) (i32.const 1028) (i32.const 2)) (drop (call $ft_get_env (i32.const 1024) (i32.const 4))) (drop (call $ft_read (i32.const 2048) (i32.const 8)))))`;
    expect(await hostCalls.run(frankentermContext(wat, extensionToml(['HOME'])))).toMatchObject({ status: 'passed', message: '3 ft_* payloads validated, each fits its schema (namespace frankenterm)' });
  });
});
