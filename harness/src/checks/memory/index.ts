/**
 * The memory checks, in run order; spread into the registry by checks/index.ts. The allocator is
 * probed first, so a broken allocator is named as the cause of what the hook calls show after it.
 */
import type { CheckDefinition } from '../check-definition.js';
import aligned from './aligned.js';
import freeReclaims from './free-reclaims.js';
import freeSize from './free-size.js';
import growthBounded from './growth-bounded.js';
import leakPerCall from './leak-per-call.js';
import midimonAligned from './midimon-aligned.js';
import noDoubleFree from './no-double-free.js';
import nonNull from './non-null.js';
import noOverlap from './no-overlap.js';
import outputInBounds from './output-in-bounds.js';

/** The memory checks (`alloc.*` and `memory.*`; midimon's `alloc.non-null` and `alloc.in-bounds` live in checks/midimon, next to the probes they share). */
export const MEMORY_CHECKS: readonly CheckDefinition[] = [nonNull, aligned, noOverlap, freeReclaims, freeSize, noDoubleFree, leakPerCall, growthBounded, midimonAligned];

/**
 * `alloc.output-in-bounds`, registered apart, right after lifecycle.hooks-answer: whether an
 * answer can be read at all comes before every check that reads it (semantics.single-document,
 * schema.hook-outputs), which depend on it.
 */
export const OUTPUT_BOUNDS_CHECKS: readonly CheckDefinition[] = [outputInBounds];
