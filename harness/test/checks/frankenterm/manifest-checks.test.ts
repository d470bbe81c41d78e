/** manifest.valid and manifest.hooks-declared, on manifests written the ways authors write them. */
import { describe, expect, it } from 'vitest';
import hooksDeclared from '../../../src/checks/frankenterm/hooks-declared.js';
import manifestValid from '../../../src/checks/frankenterm/manifest-valid.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { extensionToml, frankentermContext, ftImports } from '../../profiles/frankenterm/frankenterm-context.js';

const MODULE = `(module ${ftImports()} (memory (export "memory") 1) (func (export "on_reload")))`;
const run = async (check: typeof manifestValid, toml?: string): Promise<CheckOutcome> => check.run(frankentermContext(MODULE, toml));

describe('manifest.valid', () => {
  it('skips a plugin given without a manifest', async () => {
    expect((await run(manifestValid)).status).toBe('skipped');
  });

  it('passes a valid manifest and names the extension', async () => {
    const outcome = await run(manifestValid, extensionToml(['TERM']));
    expect(outcome).toMatchObject({ status: 'passed', message: 'ext/extension.toml: extension "test-ext" 0.0.0, module main.wasm' });
  });

  it('passes with a warning for keys the host ignores', async () => {
    const outcome = await run(manifestValid, `${extensionToml()}\n[permision]\nnetwork = true\n`);
    expect(outcome.status).toBe('passed');
    expect(outcome.message).toContain('warning: `permision` is not a section FrankenTerm reads; it is ignored');
  });

  it('fails with the manifest path, every key and the first fix', async () => {
    const outcome = await run(manifestValid, '[extension]\nname = "a b"\n[permissions]\nnetwork = "no"\n[hooks]\nx = "on_reload"\n');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/^ext\/extension\.toml: `extension\.name` "a b" has characters other than/);
    expect(outcome.message).toContain('`permissions.network` is "no", not a boolean; the host reads it as false');
    if (outcome.status === 'failed') expect(outcome.evidence['fix']).toContain('one path component');
  });
});

describe('manifest.hooks-declared', () => {
  it('passes the [hooks] table the host reads', async () => {
    expect(await run(hooksDeclared, extensionToml())).toMatchObject({ status: 'passed', message: 'hooks declared as a [hooks] table: config.reload → on_reload' });
  });

  it('passes the docs\' [[hooks]] array with a warning that the host drops it', async () => {
    const outcome = await run(hooksDeclared, extensionToml([], '[[hooks]]\nevent = "config.reload"\nhandler = "on_reload"'));
    expect(outcome.status).toBe('passed');
    expect(outcome.message).toContain("hooks declared as the docs' [[hooks]] array (config.reload → on_reload)");
    expect(outcome.message).toContain('warning: FrankenTerm\'s manifest parser reads only a [hooks] table and silently drops this form');
  });

  it('fails a manifest that binds nothing, saying what was expected', async () => {
    const outcome = await run(hooksDeclared, extensionToml([], ''));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('ext/extension.toml binds no handler: expected a [hooks] table or a [[hooks]] array, found neither, so FrankenTerm never calls the module');
  });

  it('fails neither form, and malformed entries, by key', async () => {
    const list = await run(hooksDeclared, `hooks = ["on_reload"]\n${extensionToml([], '')}`);
    expect(list.status).toBe('failed');
    expect(list.message).toContain('`hooks` is ["on_reload"]: neither a [hooks] table nor a [[hooks]] array of tables');
    const entry = await run(hooksDeclared, extensionToml([], '[[hooks]]\nevent = "config.reload"'));
    expect(entry.message).toContain('`hooks[0].handler` is undefined, not the name of an exported function');
  });
});
