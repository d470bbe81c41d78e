/**
 * FrankenTerm's `extension.toml`, read the way the real host's `manifest.rs` reads it
 * (seed-systems §4.4) but strictly: where the host silently falls back to a default (a version
 * that is not a string, an unknown engine type, a `network` that is not a boolean) or silently
 * drops a value, plugcheck names the key as a problem. Hooks are read in both forms: the
 * `[hooks]` table the code parses and the `[[hooks]]` array the docs show, which the code's
 * `.as_table()` silently turns into "no hooks" (spec-decisions "frankenterm").
 */
import type { PluginManifest } from '../profile.js';

/** Which form the manifest declares its hooks in; `none` when it declares none. */
export type HooksForm = 'table' | 'array' | 'none' | 'invalid';

/** One event bound to one exported handler. */
export interface HookBinding {
  readonly event: string;
  readonly handler: string;
  /** Where the binding is written, e.g. `hooks."config.reload"` or `hooks[0]`. */
  readonly key: string;
}

/** A key whose value the real host would reject, ignore or misread. */
export interface ManifestProblem {
  readonly key: string;
  readonly problem: string;
  readonly fix: string;
}

/** What the manifest grants and binds, and everything wrong with it. */
export interface ExtensionManifest {
  readonly path: string;
  readonly name: string | undefined;
  /** `[extension].version`; the host's default is `0.0.0`. */
  readonly version: string;
  readonly engineType: string;
  readonly entry: string;
  /** `[permissions].environment`: names, or prefixes ending in `*`. */
  readonly environment: readonly string[];
  readonly hooksForm: HooksForm;
  readonly hooks: readonly HookBinding[];
  /** Problems outside `hooks` (manifest.valid). */
  readonly problems: readonly ManifestProblem[];
  /** Problems with `hooks` (manifest.hooks-declared). */
  readonly hookProblems: readonly ManifestProblem[];
  /** Keys the host ignores and values it accepts but that are risky: warnings, not failures. */
  readonly notes: readonly string[];
}

// The keys manifest.rs reads; anything else is ignored by the host.
const KNOWN_KEYS: Readonly<Record<string, readonly string[] | null>> = {
  extension: ['name', 'version', 'description', 'authors', 'license', 'homepage', 'min_frankenterm_version'],
  engine: ['type', 'entry'],
  permissions: ['filesystem', 'environment', 'network', 'pane_access'],
  hooks: null,
  assets: ['themes'],
};
const ENGINE_TYPES = ['wasm', 'lua', 'both'];
const DEFAULT_ENTRY = 'main.wasm';

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** A TOML key path segment: bare when TOML allows it, quoted otherwise. */
function keySegment(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/** True when `[permissions].environment` lets the plugin read `name` (manifest.rs `allows_env_var`). */
export function allowsEnvVar(patterns: readonly string[], name: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** Why an extension name is not one safe path component, as manifest.rs `validate_extension_name` says; undefined when it is. */
function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name !== name.trim()) return 'has surrounding whitespace';
  if (name === '.' || name === '..') return 'is a dot path component';
  if (/[/\\]/.test(name)) return 'contains a path separator';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a Windows drive prefix';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return 'has characters other than ASCII letters, digits, `.`, `-` and `_`';
  return undefined;
}

/** Why an entry path would be rejected inside a `.ftx` package (package.rs); undefined when it is fine. */
function entryProblem(entry: string): string | undefined {
  if (entry.startsWith('/') || entry.includes('\\') || /^[A-Za-z]:/.test(entry)) return 'is not a relative path inside the package';
  if (entry.split('/').some((c) => c === '..' || c === '.')) return 'has a `.` or `..` component, which the package format rejects';
  if (!entry.endsWith('.wasm')) return 'does not end in `.wasm`';
  return undefined;
}

class ManifestReader {
  readonly problems: ManifestProblem[] = [];
  readonly hookProblems: ManifestProblem[] = [];
  readonly notes: string[] = [];

  problem(key: string, problem: string, fix: string): void {
    this.problems.push({ key, problem, fix });
  }

  /** An optional string; anything else is a problem (the host would silently use its default). */
  optionalString(table: Table, section: string, key: string): string | undefined {
    const value = table[key];
    if (value === undefined || typeof value === 'string') return value;
    this.problem(`${section}.${key}`, `is ${JSON.stringify(value)}, not a string; the host ignores it`, `write ${key} = "…"`);
    return undefined;
  }

  /** An optional array of strings; non-strings are problems (the host silently drops them). */
  stringArray(table: Table, section: string, key: string): string[] {
    const value = table[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem(`${section}.${key}`, `is ${JSON.stringify(value)}, not an array of strings; the host ignores it`, `write ${key} = ["…"]`);
      return [];
    }
    const strings: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string') strings.push(item);
      else this.problem(`${section}.${key}[${i}]`, `is ${JSON.stringify(item)}, not a string; the host drops it`, 'quote the entry');
    });
    return strings;
  }

  optionalBool(table: Table, section: string, key: string): void {
    const value = table[key];
    if (value === undefined || typeof value === 'boolean') return;
    this.problem(`${section}.${key}`, `is ${JSON.stringify(value)}, not a boolean; the host reads it as false`, `write ${key} = true or ${key} = false`);
  }

  section(doc: Table, name: string): Table {
    const value = doc[name];
    if (value === undefined) return {};
    if (isTable(value)) {
      const known = KNOWN_KEYS[name];
      for (const key of Object.keys(value)) {
        if (known !== null && known !== undefined && !known.includes(key)) this.notes.push(`\`${name}.${keySegment(key)}\` is not a key FrankenTerm reads; it is ignored`);
      }
      return value;
    }
    this.problem(name, `is ${JSON.stringify(value)}, not a table; the host ignores it`, `write it as a [${name}] table`);
    return {};
  }

  environment(permissions: Table): string[] {
    const patterns = this.stringArray(permissions, 'permissions', 'environment');
    patterns.forEach((p, i) => {
      const key = `permissions.environment[${i}]`;
      if (p.length === 0) this.problem(key, 'is empty and matches no variable', 'remove it or name a variable');
      else if (p.slice(0, -1).includes('*')) {
        this.problem(key, `"${p}" has a \`*\` before its end; only a trailing \`*\` is a wildcard, so the host matches it literally`, 'use a prefix pattern such as "FRANKENTERM_*" or list each variable');
      } else if (p === '*') this.notes.push(`\`${key}\` = "*" grants every environment variable`);
    });
    return patterns;
  }

  filesystem(permissions: Table): void {
    this.stringArray(permissions, 'permissions', 'filesystem').forEach((entry, i) => {
      const path = entry.replace(/^(read|write):/, '');
      if (path.length === 0) {
        this.problem(`permissions.filesystem[${i}]`, `"${entry}" has an empty path, which as a prefix grants every path`, 'name the directory, e.g. "read:~/.config/frankenterm/"');
      }
    });
  }

  hooks(value: unknown): { form: HooksForm; bindings: HookBinding[] } {
    const bad = (key: string, problem: string, fix: string) => this.hookProblems.push({ key, problem, fix });
    const bindings: HookBinding[] = [];
    const handlerOk = (handler: unknown, key: string): handler is string => {
      if (typeof handler === 'string' && handler.length > 0) return true;
      bad(key, `is ${JSON.stringify(handler)}, not the name of an exported function`, 'write the export name of the handler as a string');
      return false;
    };
    if (value === undefined) return { form: 'none', bindings };
    if (isTable(value)) {
      for (const [event, handler] of Object.entries(value)) {
        const key = `hooks.${keySegment(event)}`;
        if (handlerOk(handler, key)) bindings.push({ event, handler, key });
      }
      return { form: Object.keys(value).length === 0 ? 'none' : 'table', bindings };
    }
    if (!Array.isArray(value) || !value.some(isTable)) {
      bad('hooks', `is ${JSON.stringify(value)}: neither a [hooks] table nor a [[hooks]] array of tables`, 'write [hooks] with "<event>" = "<export>" lines');
      return { form: 'invalid', bindings };
    }
    value.forEach((item, i) => {
      const key = `hooks[${i}]`;
      if (!isTable(item)) {
        bad(key, `is ${JSON.stringify(item)}, not a table with \`event\` and \`handler\``, 'write each entry as [[hooks]] with event = "…" and handler = "…"');
        return;
      }
      const extra = Object.keys(item).filter((k) => k !== 'event' && k !== 'handler');
      if (extra.length > 0) this.notes.push(`\`${key}\` has keys FrankenTerm does not read: ${extra.join(', ')}`);
      const event = item['event'];
      if (typeof event !== 'string' || event.length === 0) {
        bad(`${key}.event`, `is ${JSON.stringify(event)}, not an event name`, 'write event = "config.reload" (or the event it handles)');
        return;
      }
      if (handlerOk(item['handler'], `${key}.handler`)) bindings.push({ event, handler: item['handler'], key });
    });
    return { form: 'array', bindings };
  }
}

/** Reads a parsed `extension.toml`; never throws: everything wrong is a problem with its key. */
export function readExtensionManifest(manifest: PluginManifest): ExtensionManifest {
  const r = new ManifestReader();
  const doc: Table = isTable(manifest.data) ? manifest.data : {};
  for (const key of Object.keys(doc)) {
    if (!(key in KNOWN_KEYS)) r.notes.push(`\`${keySegment(key)}\` is not a section FrankenTerm reads; it is ignored`);
  }
  if (doc['extension'] === undefined) {
    r.problem('extension', 'is missing; the host refuses the manifest ("missing [extension] table")', 'add an [extension] table with at least name = "…"');
  }
  const extension = r.section(doc, 'extension');
  const rawName = extension['name'];
  let name: string | undefined;
  if (typeof rawName === 'string') {
    name = rawName;
    const why = nameProblem(rawName);
    if (why !== undefined) r.problem('extension.name', `"${rawName}" ${why}; the host rejects it ("invalid extension name")`, 'use one path component of ASCII letters, digits, `.`, `-` and `_`, e.g. "my-extension"');
  } else if (isTable(doc['extension'])) {
    r.problem('extension.name', `is ${rawName === undefined ? 'missing' : JSON.stringify(rawName)}; the host requires a string ("[extension].name is required")`, 'set name = "my-extension"');
  }
  const version = r.optionalString(extension, 'extension', 'version') ?? '0.0.0';
  for (const key of ['description', 'license', 'homepage', 'min_frankenterm_version']) r.optionalString(extension, 'extension', key);
  r.stringArray(extension, 'extension', 'authors');

  const engine = r.section(doc, 'engine');
  const rawType = engine['type'];
  let engineType = 'wasm';
  if (rawType !== undefined) {
    if (typeof rawType === 'string' && ENGINE_TYPES.includes(rawType)) engineType = rawType;
    else r.problem('engine.type', `is ${JSON.stringify(rawType)}; the host knows ${ENGINE_TYPES.join(', ')} and silently falls back to wasm`, 'write type = "wasm"');
  }
  if (engineType === 'lua') r.problem('engine.type', 'is "lua": the extension declares no WebAssembly module', 'write type = "wasm" (or "both") for a WebAssembly extension');
  const rawEntry = engine['entry'];
  const entry = typeof rawEntry === 'string' ? rawEntry : DEFAULT_ENTRY;
  const whyEntry = entryProblem(entry);
  if (whyEntry !== undefined) r.problem('engine.entry', `"${entry}" ${whyEntry}`, 'put the module next to extension.toml and write entry = "main.wasm"');

  const permissions = r.section(doc, 'permissions');
  r.filesystem(permissions);
  const environment = r.environment(permissions);
  r.optionalBool(permissions, 'permissions', 'network');
  r.optionalBool(permissions, 'permissions', 'pane_access');

  r.stringArray(r.section(doc, 'assets'), 'assets', 'themes');
  const hooks = r.hooks(doc['hooks']);
  return {
    path: manifest.path,
    name,
    version,
    engineType,
    entry,
    environment,
    hooksForm: hooks.form,
    hooks: hooks.bindings,
    problems: r.problems,
    hookProblems: r.hookProblems,
    notes: r.notes,
  };
}
