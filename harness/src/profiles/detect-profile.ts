/**
 * Scores every profile against a module's exports and picks the one it targets.
 *
 * The score is read from names and exact signatures: an export with the right name and
 * signature counts 1, the right name with the wrong signature ½, a missing required export 0.
 * A module matches the best profile when that profile scores at least ½ and the module has at
 * least one of its hooks; anything else is a near miss, reported with what is missing or mistyped.
 */
import { formatSignature, sameSignature } from '../wasm/index.js';
import type { ModuleInfo } from '../wasm/index.js';
import type { Dialect, Profile } from './profile.js';
import { PROFILES } from './registry.js';

/** An export whose name the profile knows but whose signature it does not accept. */
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
  readonly hooksPresent: readonly string[];
  readonly dialect: Dialect;
}

/** The detection verdict: the profile used, or none with the candidates ranked. */
export type Detection =
  | { readonly kind: 'matched'; readonly best: ProfileScore; readonly candidates: readonly ProfileScore[] }
  | { readonly kind: 'none'; readonly nearest: ProfileScore | undefined; readonly candidates: readonly ProfileScore[] };

/** The minimum score for a module to count as targeting a profile. */
export const MATCH_THRESHOLD = 0.5;

/** Scores one profile against a module. */
export function scoreProfile(profile: Profile, module: ModuleInfo): ProfileScore {
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
  const present = new Set(module.exports.map((e) => e.name));
  const missing = profile.required.filter((g) => !g.anyOf.some((n) => present.has(n))).map((g) => g.label);
  const hookNames = profile.exports.filter((e) => e.role === 'hook').map((e) => e.name);
  const hooksPresent = hookNames.filter((n) => present.has(n));
  const total = matched.length + mistyped.length + missing.length;
  const score = total === 0 ? 0 : (matched.length + mistyped.length / 2) / total;
  return {
    profile: profile.id,
    score: Math.round(score * 1000) / 1000,
    matched,
    mistyped,
    missing,
    hooksPresent,
    dialect: profile.detectDialect(module),
  };
}

/** Scores every profile and decides which one the module targets. */
export function detectProfile(module: ModuleInfo, profiles: readonly Profile[] = PROFILES): Detection {
  const candidates = profiles.map((p) => scoreProfile(p, module)).sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (best !== undefined && best.score >= MATCH_THRESHOLD && best.hooksPresent.length > 0) {
    return { kind: 'matched', best, candidates };
  }
  return { kind: 'none', nearest: best !== undefined && best.score > 0 ? best : undefined, candidates };
}

/** One sentence saying what keeps a module from matching a profile, for near-miss messages. */
export function describeNearMiss(score: ProfileScore): string {
  const parts: string[] = [];
  if (score.missing.length > 0) parts.push(`it is missing ${score.missing.join(' and ')}`);
  for (const m of score.mistyped) parts.push(`\`${m.name}\` is ${m.received}, expected ${m.expected.join(' or ')}`);
  if (score.hooksPresent.length === 0 && !score.missing.includes('at least one hook')) parts.push('it exports none of the hooks');
  const matched = score.matched.length > 0 ? `exports ${score.matched.map((n) => `\`${n}\``).join(', ')} but ` : '';
  return `${matched}${parts.join('; ')}`;
}
