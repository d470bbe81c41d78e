/**
 * Test helpers for the frankenterm profile: a check context over WAT source and an optional
 * `extension.toml` text, the way the engine builds one for a plugin given as a directory, and the
 * WAT import lines of the `ft_*` host functions.
 */
import { parse as parseToml } from 'smol-toml';
import { CheckContext } from '../../../src/engine/check-context.js';
import { frankenterm } from '../../../src/profiles/frankenterm/index.js';
import type { PluginManifest } from '../../../src/profiles/profile.js';
import { compileWat } from '../../support/wat.js';

/** A manifest as load-plugin parses it. */
export function manifestOf(toml: string): PluginManifest {
  return { path: 'ext/extension.toml', data: parseToml(toml) };
}

/** `(import "<ns>" "ft_log" …)` and its two siblings, with WAT names $ft_log, $ft_get_env, $ft_read. */
export function ftImports(ns = 'frankenterm'): string {
  return `
    (import "${ns}" "ft_log" (func $ft_log (param i32 i32 i32)))
    (import "${ns}" "ft_get_env" (func $ft_get_env (param i32 i32) (result i32)))
    (import "${ns}" "ft_return_buffer_read" (func $ft_read (param i32 i32) (result i32)))`;
}

/** A manifest binding `config.reload` to `on_reload`, with an environment allow-list. */
export function extensionToml(environment: readonly string[] = [], hooks = '[hooks]\n"config.reload" = "on_reload"'): string {
  return `[extension]\nname = "test-ext"\n\n[permissions]\nenvironment = ${JSON.stringify(environment)}\n\n${hooks}\n`;
}

/** A context over WAT source, with the manifest text when the plugin is an extension. */
export function frankentermContext(source: string, manifest?: string): CheckContext {
  const compiled = compileWat(source);
  const parsed = manifest === undefined ? undefined : manifestOf(manifest);
  return new CheckContext({
    bytes: compiled.bytes,
    module: compiled.info,
    manifest: parsed,
    profile: frankenterm,
    dialect: frankenterm.detectDialect(compiled.info, parsed),
    options: { seed: 1 },
  });
}
