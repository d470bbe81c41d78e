/**
 * Resolves a `$ref` against the schema files in `schemas/`: every `$id` is the base URI plus the
 * file's path, so a reference is a URL whose path names the file and whose fragment is a JSON
 * Pointer into it.
 */
import type { SchemaRegistry } from '../schema/schema-registry.js';
import { SCHEMA_BASE_URI } from '../schema/schema-files.js';

/** A schema node and the `$id` of the file it lives in (the base of its relative `$ref`s). */
export interface LocatedSchema {
  readonly node: unknown;
  readonly base: string;
}

function walk(document: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return document;
  let node: unknown = document;
  for (const raw of pointer.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** The node `ref` points at, seen from a file whose `$id` is `base`; throws for a dangling reference (a plugcheck bug). */
export function resolveRef(registry: SchemaRegistry, ref: string, base: string): LocatedSchema {
  const url = new URL(ref, base);
  const fileId = `${url.origin}${url.pathname}`;
  if (!fileId.startsWith(SCHEMA_BASE_URI)) throw new Error(`$ref ${ref} from ${base} leaves ${SCHEMA_BASE_URI}`);
  const file = registry.file(fileId.slice(SCHEMA_BASE_URI.length));
  if (file === undefined) throw new Error(`$ref ${ref} from ${base}: no schema file ${fileId}`);
  const node = walk(file.document, decodeURIComponent(url.hash.replace(/^#/, '')));
  if (node === undefined) throw new Error(`$ref ${ref} from ${base}: nothing at ${url.hash}`);
  return { node, base: fileId };
}
