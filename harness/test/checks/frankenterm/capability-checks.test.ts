/** capability.env-denial-handled and capability.host-call-arguments over real module runs. */
import { describe, expect, it } from 'vitest';
import envDenialHandled from '../../../src/checks/frankenterm/env-denial-handled.js';
import hostCallArguments from '../../../src/checks/frankenterm/host-call-arguments.js';
import { extensionToml, frankentermContext, ftImports } from '../../profiles/frankenterm/frankenterm-context.js';

/** An extension whose on_reload runs `body`; "TERM" is at 1040, "HOME" at 1050, "MAIL" (unset) at 1060, a 64-byte buffer at 2048. */
const extension = (body: string) => `(module ${ftImports()} (memory (export "memory") 1)
  (data (i32.const 1024) "token") (data (i32.const 1040) "TERM") (data (i32.const 1050) "HOME") (data (i32.const 1060) "MAIL") (data (i32.const 1100) "\\c3")
  (func (export "on_reload") ${body}))`;
const TOML = extensionToml(['TERM']);
const checkEnv = (body: string) => envDenialHandled.run(frankentermContext(extension(body), TOML));
const checkArgs = (body: string) => hostCallArguments.run(frankentermContext(extension(body), TOML));

const GET = (key: number) => `(call $ft_get_env (i32.const ${key}) (i32.const 4))`;
const READ = '(call $ft_read (i32.const 2048) (i32.const 64))';

describe('capability.env-denial-handled', () => {
  it('passes a plugin that checks -1 before reading, and lists the denied keys', async () => {
    const outcome = await checkEnv(`(if (i32.ge_s ${GET(1040)} (i32.const 0)) (then (drop ${READ})))
      (if (i32.ge_s ${GET(1050)} (i32.const 0)) (then (drop ${READ})))`);
    expect(outcome).toMatchObject({ status: 'passed', message: '2 ft_get_env calls: 1 answered, 1 denied (HOME: not in the allow-list), 0 unset; every -1 was handled' });
    if (outcome.status === 'passed') expect(outcome.evidence?.['reads']).toEqual([
      { entry: 'on_reload', key: 'TERM', outcome: 'value', returned: 14 },
      { entry: 'on_reload', key: 'HOME', outcome: 'denied', returned: -1 },
    ]);
  });

  it('passes a plugin that reads no environment', async () => {
    expect(await checkEnv('')).toMatchObject({ status: 'passed', message: 'the plugin reads no environment variable' });
  });

  it('fails a plugin that reads the return buffer after a denied read, with the stale bytes and what it logged', async () => {
    const outcome = await checkEnv(`(drop ${GET(1040)}) (drop ${READ}) (drop ${GET(1050)}) (drop ${READ})
      (call $ft_log (i32.const 2) (i32.const 2048) (i32.const 14))`);
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(
      '`on_reload` (config.reload) called ft_return_buffer_read(2048, 64) → 14 after ft_get_env("HOME") returned -1 (denied: not in [permissions].environment = ["TERM"]); the return buffer still held 14 bytes from an earlier read; the plugin then logged "xterm-256color"',
    );
    if (outcome.status === 'failed') expect(outcome.evidence['fix']).toContain('a negative value means denied or unset');
  });

  it('fails a read after an unset variable too, saying it was allowed but unset', async () => {
    const outcome = await envDenialHandled.run(frankentermContext(extension(`(drop ${GET(1060)}) (drop ${READ})`), extensionToml(['MAIL', 'TERM'])));
    expect(outcome.message).toBe('`on_reload` (config.reload) called ft_return_buffer_read(2048, 64) → 0 after ft_get_env("MAIL") returned -1 (allowed but not set)');
  });
});

describe('capability.host-call-arguments', () => {
  it('passes in-bounds, UTF-8, leveled calls and counts them by function', async () => {
    const outcome = await checkArgs(`(call $ft_log (i32.const 2) (i32.const 1024) (i32.const 5)) (drop ${GET(1040)})`);
    expect(outcome).toMatchObject({ status: 'passed', message: '2 ft_* calls, each with in-bounds pointers, UTF-8 strings and log levels 0..4' });
    if (outcome.status === 'passed') expect(outcome.evidence?.['byFunction']).toEqual({ 'frankenterm.ft_log': 1, 'frankenterm.ft_get_env': 1 });
  });

  it('fails every bad call with the handler, the arguments and the memory size', async () => {
    const outcome = await checkArgs(`
      (call $ft_log (i32.const 2) (i32.const 65500) (i32.const 64))
      (call $ft_log (i32.const 9) (i32.const 1024) (i32.const 5))
      (call $ft_log (i32.const 2) (i32.const 1100) (i32.const 1))
      (drop (call $ft_read (i32.const 65530) (i32.const 64)))`);
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(
      [
        '`on_reload` (config.reload): ft_log msg_ptr/msg_len = 65500/64 lies outside memory (65536 bytes)',
        '`on_reload` (config.reload): ft_log level 9 is outside 0 (trace) … 4 (error)',
        '`on_reload` (config.reload): ft_log msg_ptr/msg_len = 1100/1 is not valid UTF-8 (first bad byte at offset 0)',
        '`on_reload` (config.reload): ft_return_buffer_read out_ptr/out_len = 65530/64 lies outside memory (65536 bytes)',
      ].join('; '),
    );
  });

  it('passes a plugin that makes no ft_* call', async () => {
    expect(await checkArgs('')).toMatchObject({ status: 'passed', message: 'the plugin makes no ft_* call' });
  });
});
