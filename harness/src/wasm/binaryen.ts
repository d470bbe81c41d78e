/**
 * binaryen.js for plugcheck's module rewrites (instruction metering, allocator watching): loaded on
 * first use only (it costs ~0.4 s), so runs that never rewrite never pay, and every module read with
 * the same explicit features. Each rewrite types the slice of binaryen.js it uses itself: binaryen's
 * .d.ts relies on const enums, which erasableSyntaxOnly code cannot consume.
 */

/** What every rewrite needs of binaryen.js: reading a module and the feature flags. */
export interface BinaryenCore<M extends { setFeatures(features: number): void }> {
  readBinary(bytes: Uint8Array): M;
  readonly Features: Readonly<Record<string, number>>;
}

// Explicit features, never Features.All (Node 20 rejects its output): what the bundled toolchains
// emit (toolchains.md §5).
const FEATURES = ['MutableGlobals', 'NontrappingFPToInt', 'SIMD128', 'BulkMemory', 'BulkMemoryOpt', 'SignExt', 'ReferenceTypes', 'Multivalue', 'ExtendedConst', 'TailCall'];

let loaded: unknown;

/** binaryen.js, typed as the caller's slice `B`; imported once per process or worker. */
export async function loadBinaryen<B>(): Promise<B> {
  loaded ??= (await import('binaryen')).default;
  return loaded as B;
}

/** Reads `bytes` for rewriting, with {@link FEATURES} set; the caller disposes of the module. */
export function readForRewrite<M extends { setFeatures(features: number): void }>(b: BinaryenCore<M>, bytes: Uint8Array): M {
  const module = b.readBinary(bytes);
  module.setFeatures(FEATURES.reduce((all, f) => all | (b.Features[f] ?? 0), b.Features['MVP'] ?? 0));
  return module;
}
