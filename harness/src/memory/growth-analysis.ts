/**
 * Leak and growth analysis over samples of one instance called again and again: the first calls
 * are warm-up (lazy initialisation, a first page grown, a GC heap sizing itself) and are set apart;
 * over the steady state a robust slope gives bytes per call for the heap and for memory, and the
 * memory cap turns the steeper of the two into the number of calls until out-of-memory.
 */
import type { Profile } from '../profiles/profile.js';
import { theilSenSlope } from './robust-slope.js';

/** Bytes in one WebAssembly page. */
export const PAGE_BYTES = 65536;

/** wasm32's own limit, 4 GiB: the cap used where a profile's host sets none. */
export const WASM32_MAX_PAGES = 65536;

/** Memory after one call: pages and the heap extent (bytes the allocator has in use, as the host sees it). */
export interface GrowthSample {
  readonly call: number;
  readonly pages: number;
  readonly liveBytes: number;
  /** The end of the highest block seen, for calls-until-OOM. */
  readonly heapEnd: number;
}

/** The cap a growth figure is measured against, and where it comes from. */
export interface MemoryCap {
  readonly pages: number;
  readonly source: 'profile' | 'wasm32-limit';
  readonly note: string;
}

/** What the samples say. */
export interface GrowthAnalysis {
  readonly warmUpCalls: number;
  readonly steadyCalls: number;
  /** Heap bytes per call over the steady state (Theil–Sen). */
  readonly liveBytesPerCall: number;
  /** Memory bytes per call over the steady state (Theil–Sen over pages × 64 KiB). */
  readonly memoryBytesPerCall: number;
  readonly cap: MemoryCap;
  /** Calls left before the steeper trend reaches the cap; null when nothing grows. */
  readonly callsUntilOom: number | null;
}

/** The profile's memory cap, or wasm32's 4 GiB where its host sets none (and the note says so). */
export function memoryCapOf(profile: Profile): MemoryCap {
  const pages = profile.limits.memoryPages;
  if (pages !== undefined) return { pages, source: 'profile', note: `the ${profile.id} host's cap of ${pages} pages` };
  return { pages: WASM32_MAX_PAGES, source: 'wasm32-limit', note: `the ${profile.id} host sets no memory cap, so wasm32's limit of ${WASM32_MAX_PAGES} pages (4 GiB) is used` };
}

/** The warm-up: a tenth of the calls, at least 5, and never the whole run. */
export function warmUpLength(calls: number): number {
  return Math.min(Math.max(5, Math.ceil(calls / 10)), Math.max(0, calls - 2));
}

/** Whole calls of `perCall` bytes that fit between `usedBytes` and `limitBytes`; null when nothing grows. */
export function callsLeft(limitBytes: number, usedBytes: number, perCall: number): number | null {
  return perCall > 0 ? Math.max(0, Math.floor((limitBytes - usedBytes) / perCall)) : null;
}

/** Analyses samples taken after each call of one long-lived instance. */
export function analyseGrowth(samples: readonly GrowthSample[], cap: MemoryCap): GrowthAnalysis {
  const warmUpCalls = warmUpLength(samples.length);
  const steady = samples.slice(warmUpCalls);
  const liveBytesPerCall = theilSenSlope(steady.map((s) => ({ x: s.call, y: s.liveBytes })));
  const memoryBytesPerCall = theilSenSlope(steady.map((s) => ({ x: s.call, y: s.pages * PAGE_BYTES })));
  const last = samples[samples.length - 1];
  const capBytes = cap.pages * PAGE_BYTES;
  const left = (used: number, perCall: number) => callsLeft(capBytes, used, perCall) ?? Number.POSITIVE_INFINITY;
  const calls = last === undefined ? Number.POSITIVE_INFINITY : Math.min(left(last.heapEnd, liveBytesPerCall), left(last.pages * PAGE_BYTES, memoryBytesPerCall));
  return { warmUpCalls, steadyCalls: steady.length, liveBytesPerCall, memoryBytesPerCall, cap, callsUntilOom: Number.isFinite(calls) ? calls : null };
}
