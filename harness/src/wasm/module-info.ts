/**
 * What plugcheck knows about a WebAssembly module before compiling it.
 *
 * `WebAssembly.Module.imports()` and `.exports()` give names and kinds but no types, and profile
 * matching needs the types (an `i64` where a host expects `i32` is the commonest plugin bug), so
 * `inspectModule` reads the binary itself and returns one of these.
 */

/**
 * A value type as it appears in a function signature.
 *
 * Types outside the core set (GC reference types and the like) are kept as `unknown(0x..)` with the
 * type byte, so a report can still show something precise instead of failing the whole inspection.
 */
export type ValueType =
  | 'i32'
  | 'i64'
  | 'f32'
  | 'f64'
  | 'v128'
  | 'funcref'
  | 'externref'
  | `unknown(0x${string})`;

/** Parameter and result types of a function (or a tag, whose results are always empty). */
export interface FunctionSignature {
  readonly params: readonly ValueType[];
  readonly results: readonly ValueType[];
}

/** Limits of a linear memory, in 64 KiB pages. */
export interface MemoryLimits {
  readonly initialPages: number;
  /** `null` when the module sets no maximum, which lets the memory grow to the engine's limit. */
  readonly maximumPages: number | null;
  /** Shared memories need a threads-capable host, so profiles have to be able to see this. */
  readonly shared: boolean;
  /** memory64 memories take `i64` addresses; hosts written for 32-bit memories cannot drive them. */
  readonly memory64: boolean;
}

/** The kind of an imported or exported item, named after the text format keywords. */
export type ExternalKind = 'function' | 'table' | 'memory' | 'global' | 'tag';

/** One entry of the import section. */
export interface ImportEntry {
  /** Module name; if it is not valid UTF-8, invalid bytes are shown as U+FFFD (see `invalidNames`). */
  readonly module: string;
  /** Field name; shown like `module` when it is not valid UTF-8. */
  readonly name: string;
  readonly kind: ExternalKind;
  /** Set for functions and tags, so hosts can be checked against what the plugin expects. */
  readonly signature?: FunctionSignature;
  /** Set for memories: an imported memory the host cannot satisfy fails instantiation. */
  readonly memory?: MemoryLimits;
}

/** One entry of the export section. */
export interface ExportEntry {
  /** Export name; if it is not valid UTF-8, invalid bytes are shown as U+FFFD (see `invalidNames`). */
  readonly name: string;
  readonly kind: ExternalKind;
  /**
   * Index in the index space of `kind`, imports first. For memories it indexes
   * `ModuleInfo.memories`.
   */
  readonly index: number;
  /** Set for functions, resolved through imported and defined functions alike. */
  readonly signature?: FunctionSignature;
}

/** A custom section, recorded so reports can say what a build left in the binary. */
export interface CustomSection {
  readonly name: string;
  /** The section's declared payload size in bytes, the name included (as `wasm-objdump -h` shows). */
  readonly size: number;
}

/** One tool or language named in the `producers` custom section. */
export interface ProducerField {
  readonly name: string;
  /** Empty when the producer recorded no version. */
  readonly version: string;
}

/** Everything `inspectModule` reads from a module. */
export interface ModuleInfo {
  /** Size of the whole binary, kept so reports need not carry the bytes around. */
  readonly byteLength: number;
  readonly imports: readonly ImportEntry[];
  readonly exports: readonly ExportEntry[];
  /** Memory index space: imported memories first, then defined ones, in index order. */
  readonly memories: readonly { readonly imported: boolean; readonly limits: MemoryLimits }[];
  /** Function index named by the start section: it runs during instantiation, before any check. */
  readonly startFunction: number | null;
  readonly customSections: readonly CustomSection[];
  /**
   * The parsed `producers` section, keyed by field (`language`, `processed-by`, `sdk`), or `null`
   * when there is none or it cannot be parsed: custom sections must never make a module invalid.
   */
  readonly producers: Readonly<Record<string, readonly ProducerField[]>> | null;
  /**
   * Import and export names that are not valid UTF-8, e.g. `export #3: bytes ff fe`. Engines refuse
   * such modules, so they are collected here to be reported rather than thrown on.
   */
  readonly invalidNames: readonly string[];
}

/**
 * Formats a signature the way reports show it: `(i32, i32) -> i64`, `() -> ()`,
 * `(i32) -> (i32, i64)`. A single result goes without parentheses because that is the common case.
 */
export function formatSignature(sig: FunctionSignature): string {
  const params = `(${sig.params.join(', ')})`;
  const results = sig.results.length === 1 ? String(sig.results[0]) : `(${sig.results.join(', ')})`;
  return `${params} -> ${results}`;
}

/** Whether two signatures are identical, which is how engines match imports (no subtyping here). */
export function sameSignature(a: FunctionSignature, b: FunctionSignature): boolean {
  return sameTypes(a.params, b.params) && sameTypes(a.results, b.results);
}

function sameTypes(a: readonly ValueType[], b: readonly ValueType[]): boolean {
  return a.length === b.length && a.every((type, i) => type === b[i]);
}
