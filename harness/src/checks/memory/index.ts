/**
 * The memory checks, in run order; spread into the registry by checks/index.ts. The allocator is
 * probed first, so a broken allocator is named as the cause of what the hook calls show after it.
 */
import type { CheckDefinition } from '../check-definition.js';
import aligned from './aligned.js';
import freeReclaims from './free-reclaims.js';
import growthBounded from './growth-bounded.js';
import leakPerCall from './leak-per-call.js';
import midimonAligned from './midimon-aligned.js';
import noDoubleFree from './no-double-free.js';
import noOverlap from './no-overlap.js';

/** The memory checks (`alloc.*` and `memory.*`; midimon's `alloc.non-null` and `alloc.in-bounds` live in checks/midimon, next to the probes they share). */
export const MEMORY_CHECKS: readonly CheckDefinition[] = [aligned, noOverlap, freeReclaims, noDoubleFree, leakPerCall, growthBounded, midimonAligned];
