/**
 * Makes one schema self-contained for use outside plugcheck: every schema it references in
 * another file is embedded under `$defs`, keyed and identified by its `$id` (a JSON Schema 2020-12
 * compound document), so a plugin author's validator resolves every `$ref` without plugcheck's files.
 */
import { SCHEMA_BASE_URI } from './schema-files.js';
import type { SchemaFile } from './schema-files.js';

function refsIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') out.add(child);
      else refsIn(child, out);
    }
  }
}

/** The `$id`s of other files a schema references. */
function externalIds(document: Readonly<Record<string, unknown>>): string[] {
  const base = String(document['$id']);
  const refs = new Set<string>();
  refsIn(document, refs);
  const ids = [...refs].map((ref) => new URL(ref, base).href.replace(/#.*$/, ''));
  return [...new Set(ids)].filter((id) => id !== base);
}

/** The schema with every file it references, directly or not, embedded; `lookup` finds a file by its path under `schemas/`. */
export function bundleSchema(root: SchemaFile, lookup: (relative: string) => SchemaFile | undefined): Record<string, unknown> {
  const embedded = new Map<string, Record<string, unknown>>();
  const pending = externalIds(root.document);
  while (pending.length > 0) {
    const id = pending.shift() ?? '';
    if (embedded.has(id)) continue;
    const file = id.startsWith(SCHEMA_BASE_URI) ? lookup(id.slice(SCHEMA_BASE_URI.length)) : undefined;
    if (file === undefined) throw new Error(`${root.relative} references ${id}, which is not one of plugcheck's schemas`);
    const { $schema: _dropped, ...resource } = file.document;
    embedded.set(id, resource);
    pending.push(...externalIds(file.document));
  }
  if (embedded.size === 0) return root.document;
  const defs = (root.document['$defs'] ?? {}) as Record<string, unknown>;
  return { ...root.document, $defs: { ...defs, ...Object.fromEntries(embedded) } };
}
