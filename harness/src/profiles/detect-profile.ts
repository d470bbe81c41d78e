/**
 * Scores every profile against a module's exports and imports and picks the one it targets.
 *
 * The score is read from names and exact signatures: an export the profile knows with the right
 * signature counts 1, with the wrong signature ½, a missing required export 0; an import of one of
 * the profile's own host functions (WASI aside: every profile offers it) counts 1 when module,
 * name and signature are right and ½ when the name is right but the namespace or signature is not.
 * A module matches the best profile when that profile scores at least ½ and the module has one of
 * its entry points (hooks, `execute`, handlers…) or imports one of its host functions; anything
 * else is a near miss, reported with what is missing or mistyped.
 */
import { formatSignature, sameSignature } from '../wasm/index.js';
import type { ModuleInfo } from '../wasm/index.js';
import type { Dialect, PluginManifest, Profile } from './profile.js';
import { WASI_PREVIEW1 } from './wasi-preview1.js';
import { PROFILES } from './registry.js';

/** An export or import whose name the profile knows but whose signature (or namespace) it does not accept. */
export interface MistypedExport {
  readonly name: string;
  readonly expected: readonly string[];
  readonly received: string;
}

/** How well one profile fits a module. */
export interface ProfileScore {
  readonly profile: Profile['id'];
  /** 0 to 1. */
  readonly score: number;
  readonly matched: readonly string[];
  readonly mistyped: readonly MistypedExport[];
  /** Labels of required export groups with no member present. */
  readonly missing: readonly string[];
  /** Entry points of the profile the module exports. */
  readonly entryPoints: readonly string[];
  /** The profile's own host functions the module imports correctly (`module.name`). */
  readonly hostImports: readonly string[];
  readonly dialect: Dialect;
}

/** The detection verdict: the profile used, or none with the candidates ranked. */
export type Detection =
  | { readonly kind: 'matched'; readonly best: ProfileScore; readonly candidates: readonly ProfileScore[] }
  | { readonly kind: 'none'; readonly nearest: ProfileScore | undefined; readonly candidates: readonly ProfileScore[] };

/** The minimum score for a module to count as targeting a profile. */
export const MATCH_THRESHOLD = 0.5;

function scoreImports(profile: Profile, module: ModuleInfo, matched: string[], mistyped: MistypedExport[]): void {
  for (const entry of module.imports) {
    if (entry.kind !== 'function' || entry.module === WASI_PREVIEW1) continue;
    const qualified = `${entry.module}.${entry.name}`;
    const candidates = profile.hostImports.filter((h) => h.name === entry.name && h.module !== WASI_PREVIEW1);
    if (candidates.length === 0) continue;
    const received = entry.signature;
    const exact = candidates.find((h) => h.module === entry.module && received !== undefined && sameSignature(h.signature, received));
    if (exact !== undefined) {
      matched.push(qualified);
      continue;
    }
    mistyped.push({
      name: qualified,
      expected: [...new Set(candidates.map((h) => `${h.module}.${h.name} ${formatSignature(h.signature)}`))],
      received: `${qualified} ${received === undefined ? 'unknown' : formatSignature(received)}`,
    });
  }
}

/** Scores one profile against a module (and its manifest, for profiles that have one). */
export function scoreProfile(profile: Profile, module: ModuleInfo, manifest?: PluginManifest): ProfileScore {
  const matched: string[] = [];
  const mistyped: MistypedExport[] = [];
  for (const spec of profile.exports) {
    const exp = module.exports.find((e) => e.name === spec.name);
    if (exp === undefined) continue;
    if (spec.role === 'memory') {
      if (exp.kind === 'memory') matched.push(spec.name);
      else mistyped.push({ name: spec.name, expected: ['memory'], received: exp.kind });
      continue;
    }
    const received = exp.signature;
    if (exp.kind === 'function' && received !== undefined && spec.signatures.some((s) => sameSignature(s, received))) {
      matched.push(spec.name);
    } else {
      mistyped.push({
        name: spec.name,
        expected: spec.signatures.map(formatSignature),
        received: received === undefined ? exp.kind : formatSignature(received),
      });
    }
  }
  const importsBefore = matched.length;
  scoreImports(profile, module, matched, mistyped);
  const hostImports = matched.slice(importsBefore);
  const present = new Set(module.exports.map((e) => e.name));
  const missing = profile.required.filter((g) => !g.anyOf.some((n) => present.has(n))).map((g) => g.label);
  const entryNames = [
    ...profile.exports.filter((e) => e.role === 'hook' || e.role === 'entry').map((e) => e.name),
    ...(profile.entryPoints?.(module, manifest) ?? []),
  ];
  const entryPoints = [...new Set(entryNames.filter((n) => present.has(n)))];
  // An exported memory says nothing about which plugin system a module targets: every one has it.
  const telling = (names: readonly string[]) => names.filter((n) => n !== 'memory').length;
  const hits = telling(matched);
  const halfHits = telling(mistyped.map((m) => m.name));
  const total = hits + halfHits + missing.length;
  const score = total === 0 ? 0 : (hits + halfHits / 2) / total;
  return {
    profile: profile.id,
    score: Math.round(score * 1000) / 1000,
    matched,
    mistyped,
    missing,
    entryPoints,
    hostImports,
    dialect: profile.detectDialect(module, manifest),
  };
}

/** True when a score identifies the module as a plugin of that profile. */
export function isMatch(score: ProfileScore): boolean {
  return score.score >= MATCH_THRESHOLD && (score.entryPoints.length > 0 || score.hostImports.length > 0);
}

/**
 * Scores every profile and decides which one the module targets. Among matching profiles the
 * highest score wins; on a tie, the one listed first in the registry (the more specific one).
 */
export function detectProfile(module: ModuleInfo, manifest?: PluginManifest, profiles: readonly Profile[] = PROFILES): Detection {
  const scored = profiles.map((p, order) => ({ order, score: scoreProfile(p, module, manifest) }));
  scored.sort((a, b) => Number(isMatch(b.score)) - Number(isMatch(a.score)) || b.score.score - a.score.score || a.order - b.order);
  const candidates = scored.map((s) => s.score);
  const best = candidates[0];
  if (best !== undefined && isMatch(best)) {
    return { kind: 'matched', best, candidates };
  }
  return { kind: 'none', nearest: best !== undefined && best.score > 0 ? best : undefined, candidates };
}

/** One sentence saying what keeps a module from matching a profile, for near-miss messages. */
export function describeNearMiss(score: ProfileScore): string {
  const parts: string[] = [];
  if (score.missing.length > 0) parts.push(`it is missing ${score.missing.join(' and ')}`);
  for (const m of score.mistyped) parts.push(`\`${m.name}\` is ${m.received}, expected ${m.expected.join(' or ')}`);
  if (score.entryPoints.length === 0 && score.hostImports.length === 0 && !score.missing.some((m) => m.startsWith('at least one'))) {
    parts.push('it exports none of the entry points and imports none of the host functions');
  }
  const matched = score.matched.length > 0 ? `exports ${score.matched.map((n) => `\`${n}\``).join(', ')} but ` : '';
  return `${matched}${parts.join('; ')}`;
}
