/**
 * The limits a run enforces, and where each comes from: the real host's figure (the profile's
 * `limits`), an option of the run (`--memory-cap`, `--fuel`, `timeLimitMs`), the Extism manifest the plugin
 * would be loaded with (`memory.max_pages`, `timeout_ms`), or plugcheck's own default where the
 * host sets none. Extism sets no memory cap and no fuel unless asked (seed-systems §5.5: the
 * go-sdk maps `memory.max_pages` to wazero's page limit and `timeout_ms` to a deadline; without
 * them a plugin may grow to 4 GiB and run for ever), so plugcheck caps an Extism plugin at
 * {@link EXTISM_DEFAULT_LIMITS} and says so in the evidence.
 */
import type { Profile } from './profile.js';

/** The limits of an Extism manifest, with the manifest's own key names. */
export interface ExtismManifestLimits {
  readonly memory?: { readonly max_pages?: number | undefined } | undefined;
  readonly timeout_ms?: number | undefined;
  readonly allowed_hosts?: readonly string[] | undefined;
}

/** What decides a limit's value. */
export type LimitSource = 'real host' | 'option' | 'extism manifest' | 'plugcheck default';

/** One limit and its origin. */
export interface Limit {
  readonly value: number;
  readonly source: LimitSource;
}

/** The run options that bear on limits (a slice of RunOptions, so profiles need not import the engine). */
export interface LimitOptions {
  readonly memoryCapPages?: number | undefined;
  readonly timeLimitMs?: number | undefined;
  /** Fuel per call (`--fuel`, the config's `limits.fuel`), overriding the host's figure. */
  readonly fuelLimit?: number | undefined;
  readonly extismManifest?: ExtismManifestLimits | undefined;
}

/**
 * plugcheck's limits for an Extism plugin whose manifest is silent: 4096 pages (256 MiB), twice
 * what midimon allows, and 1e9 instructions per call, FrankenTerm's figure (Extism's Rust SDK meters
 * only with `with_fuel_limit`, which no manifest key sets). The call time limit is the profile's
 * 5 s.
 */
export const EXTISM_DEFAULT_LIMITS = { memoryPages: 4096, fuel: 1_000_000_000 } as const;

/** The limits in force for a plugin of `profile` under `options`. */
export interface EffectiveLimits {
  /** Memory cap in pages; undefined when nothing caps memory. */
  readonly memoryPages: Limit | undefined;
  /** Fuel per call (per Store where the host makes one per call); undefined when nothing meters. */
  readonly fuel: Limit | undefined;
  /** The time a call may take. */
  readonly callTimeMs: Limit;
}

const isExtism = (profile: Profile) => profile.family === 'extism';

/** Resolves every limit of a run. */
export function effectiveLimits(profile: Profile, options: LimitOptions): EffectiveLimits {
  const manifest = isExtism(profile) ? options.extismManifest : undefined;
  const real = profile.limits;
  const pick = (option: number | undefined, fromManifest: number | undefined, host: number | undefined, fallback: number | undefined): Limit | undefined => {
    if (option !== undefined) return { value: option, source: 'option' };
    if (fromManifest !== undefined) return { value: fromManifest, source: 'extism manifest' };
    if (host !== undefined) return { value: host, source: 'real host' };
    return fallback === undefined ? undefined : { value: fallback, source: 'plugcheck default' };
  };
  const extismDefaults = isExtism(profile) ? EXTISM_DEFAULT_LIMITS : undefined;
  return {
    memoryPages: pick(options.memoryCapPages, manifest?.memory?.max_pages, real.memoryPages, extismDefaults?.memoryPages),
    fuel: pick(options.fuelLimit, undefined, real.fuel, extismDefaults?.fuel),
    // Extism's call limit in plugcheck's profile is plugcheck's own (Extism has none by default).
    callTimeMs: pick(options.timeLimitMs, manifest?.timeout_ms, isExtism(profile) ? undefined : real.callTimeoutMs, real.callTimeoutMs) as Limit,
  };
}

/**
 * The watchdog's per-call limit when the run sets none: the Extism manifest's `timeout_ms` where it
 * has one (the host would cancel the call there), else the profile's.
 */
export function defaultCallTimeoutMs(profile: Profile, options: LimitOptions): number {
  return (isExtism(profile) ? options.extismManifest?.timeout_ms : undefined) ?? profile.limits.callTimeoutMs;
}

/** A limit as words for messages: `2048 pages (real host)`. */
export function describeLimit(limit: Limit, unit: string): string {
  return `${limit.value.toLocaleString('en-US')} ${unit} (${limit.source})`;
}
