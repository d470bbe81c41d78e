import { describe, expect, it } from 'vitest';
import { allowsEnvVar, readExtensionManifest } from '../../../src/profiles/frankenterm/extension-manifest.js';
import type { ExtensionManifest } from '../../../src/profiles/frankenterm/extension-manifest.js';
import { manifestOf } from './frankenterm-context.js';

const read = (toml: string): ExtensionManifest => readExtensionManifest(manifestOf(toml));
const keys = (m: ExtensionManifest) => m.problems.map((p) => p.key);
const MINIMAL = '[extension]\nname = "ok"\n';

describe('readExtensionManifest: hooks', () => {
  it('reads the [hooks] table the host parses, event keys quoted', () => {
    const m = read(`${MINIMAL}[hooks]\n"config.reload" = "on_reload"\non_pane_focus = "focus"\n`);
    expect(m.hooksForm).toBe('table');
    expect(m.hooks).toEqual([
      { event: 'config.reload', handler: 'on_reload', key: 'hooks."config.reload"' },
      { event: 'on_pane_focus', handler: 'focus', key: 'hooks.on_pane_focus' },
    ]);
    expect(m.hookProblems).toEqual([]);
  });

  it('reads the [[hooks]] array the docs show', () => {
    const m = read(`${MINIMAL}[[hooks]]\nevent = "config.reload"\nhandler = "on_reload"\n[[hooks]]\nevent = "pane.focus"\nhandler = "on_focus"\n`);
    expect(m.hooksForm).toBe('array');
    expect(m.hooks.map((h) => [h.event, h.handler, h.key])).toEqual([
      ['config.reload', 'on_reload', 'hooks[0]'],
      ['pane.focus', 'on_focus', 'hooks[1]'],
    ]);
  });

  it('says none for a manifest without hooks or with an empty table', () => {
    expect(read(MINIMAL).hooksForm).toBe('none');
    expect(read(`${MINIMAL}[hooks]\n`).hooksForm).toBe('none');
  });

  it('calls a list of names or a string neither form', () => {
    const list = read(`hooks = ["on_reload"]\n${MINIMAL}`);
    expect(list.hooksForm).toBe('invalid');
    expect(list.hookProblems.map((p) => p.key)).toEqual(['hooks']);
    expect(read(`hooks = "on_reload"\n${MINIMAL}`).hooksForm).toBe('invalid');
  });

  it('names the key of every malformed binding, in both forms', () => {
    const table = read(`${MINIMAL}[hooks]\n"config.reload" = 3\n"pane.focus" = ""\n`);
    expect(table.hookProblems.map((p) => p.key)).toEqual(['hooks."config.reload"', 'hooks."pane.focus"']);
    expect(table.hooks).toEqual([]);
    const array = read(`${MINIMAL}[[hooks]]\nevent = "a"\n[[hooks]]\nhandler = "h"\n[[hooks]]\nevent = "b"\nhandler = "ok"\nprio = 1\n`);
    expect(array.hookProblems.map((p) => p.key)).toEqual(['hooks[0].handler', 'hooks[1].event']);
    expect(array.hooks.map((h) => h.handler)).toEqual(['ok']);
    expect(array.notes).toEqual(['`hooks[2]` has keys FrankenTerm does not read: prio']);
  });
});

describe('readExtensionManifest: the rest of the manifest', () => {
  it('accepts the host test suite\'s full manifest without a problem', () => {
    const m = read(`
[extension]
name = "my-theme"
version = "1.0.0"
description = "A beautiful theme"
authors = ["Author <author@example.com>"]
license = "MIT"
homepage = "https://github.com/author/my-theme"
min_frankenterm_version = "0.2.0"

[engine]
type = "wasm"
entry = "main.wasm"

[permissions]
filesystem = ["read:~/.config/frankenterm/", "write:~/.local/share/frankenterm/"]
environment = ["TERM", "COLORTERM", "FRANKENTERM_*"]
network = false
pane_access = false

[hooks]
on_config_reload = "handle_config_reload"

[assets]
themes = ["assets/theme.toml"]
`);
    expect(m.problems).toEqual([]);
    expect(m.notes).toEqual([]);
    expect(m).toMatchObject({ name: 'my-theme', version: '1.0.0', engineType: 'wasm', entry: 'main.wasm', environment: ['TERM', 'COLORTERM', 'FRANKENTERM_*'] });
  });

  it('uses the host\'s defaults: version 0.0.0, engine wasm, entry main.wasm, no environment', () => {
    expect(read(MINIMAL)).toMatchObject({ version: '0.0.0', engineType: 'wasm', entry: 'main.wasm', environment: [], problems: [] });
  });

  it('fails a missing [extension] once, and a missing or unsafe name', () => {
    expect(keys(read('[engine]\ntype = "wasm"\n'))).toEqual(['extension']);
    expect(keys(read('[extension]\nversion = "1"\n'))).toEqual(['extension.name']);
    for (const name of ['', '..', 'a/b', 'two words', ' x', 'C:x', 'semi;colon']) {
      expect(keys(read(`[extension]\nname = ${JSON.stringify(name)}\n`)), name).toEqual(['extension.name']);
    }
    expect(keys(read('[extension]\nname = "com.example.theme_2-b"\n'))).toEqual([]);
  });

  it('fails every value the host would silently replace with a default', () => {
    const m = read(`
[extension]
name = "x"
version = 2
authors = ["a", 3]

[engine]
type = "python"

[permissions]
environment = ["A*B", ""]
network = "yes"
pane_access = 1
filesystem = ["read:"]
`);
    expect(keys(m)).toEqual([
      'extension.version',
      'extension.authors[1]',
      'engine.type',
      'permissions.filesystem[0]',
      'permissions.environment[0]',
      'permissions.environment[1]',
      'permissions.network',
      'permissions.pane_access',
    ]);
    expect(m.version).toBe('0.0.0');
    expect(m.engineType).toBe('wasm');
  });

  it('fails an entry the .ftx package format would reject, and a Lua-only engine', () => {
    for (const entry of ['../x.wasm', '/abs/main.wasm', './main.wasm', 'main.lua', 'a\\\\b.wasm']) {
      expect(keys(read(`${MINIMAL}[engine]\nentry = ${JSON.stringify(entry)}\n`)), entry).toEqual(['engine.entry']);
    }
    expect(keys(read(`${MINIMAL}[engine]\nentry = "build/plugin.wasm"\n`))).toEqual([]);
    expect(keys(read(`${MINIMAL}[engine]\ntype = "lua"\nentry = "main.wasm"\n`))).toEqual(['engine.type']);
  });

  it('notes keys the host ignores and an allow-all environment, without failing', () => {
    const m = read(`${MINIMAL}color = "red"\n[permission]\nnetwork = true\n[permissions]\nenvironment = ["*"]\n`);
    expect(m.problems).toEqual([]);
    expect(m.notes).toEqual([
      '`permission` is not a section FrankenTerm reads; it is ignored',
      '`extension.color` is not a key FrankenTerm reads; it is ignored',
      '`permissions.environment[0]` = "*" grants every environment variable',
    ]);
  });
});

describe('allowsEnvVar', () => {
  it('matches names exactly and prefixes with a trailing * only, as manifest.rs does', () => {
    const patterns = ['TERM', 'FRANKENTERM_*'];
    expect(allowsEnvVar(patterns, 'TERM')).toBe(true);
    expect(allowsEnvVar(patterns, 'FRANKENTERM_CONFIG')).toBe(true);
    expect(allowsEnvVar(patterns, 'FRANKENTERM_')).toBe(true);
    expect(allowsEnvVar(patterns, 'HOME')).toBe(false);
    expect(allowsEnvVar(patterns, 'TERMINAL')).toBe(false);
    expect(allowsEnvVar(['A*B'], 'AxB')).toBe(false);
    expect(allowsEnvVar(['A*B'], 'A*B')).toBe(true);
    expect(allowsEnvVar([], 'TERM')).toBe(false);
  });
});
