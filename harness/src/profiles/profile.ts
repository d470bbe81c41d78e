/**
 * A profile is one plugin system's contract as data: exports and imports with exact signatures,
 * dialects, hooks with their fixtures, lifecycle and limits, each with a reference to the seed
 * section it comes from. Checks read profiles; they never hard-code an ABI.
 */
import type { FunctionSignature, ModuleInfo } from '../wasm/index.js';

/** Ids of the profiles plugcheck knows. */
export type ProfileId = 'bifrost-v1' | 'bifrost-v2' | 'midimon' | 'frankenterm' | 'extism' | 'extism-datasource';

/** Every profile id, for checks that apply to all of them (the data-driven `abi.*` checks). */
export const ALL_PROFILE_IDS: readonly ProfileId[] = ['bifrost-v1', 'bifrost-v2', 'midimon', 'frankenterm', 'extism', 'extism-datasource'];

/** Plugin systems that share a calling convention (and so an adapter). */
export type ProfileFamily = 'bifrost' | 'midimon' | 'frankenterm' | 'extism';

/**
 * What an export is for; checks and adapters find exports by role, not by name. `entry` marks the
 * exports that identify a plugin of the profile (hooks, `execute`, handlers, Extism functions).
 */
export type ExportRole = 'allocator' | 'free' | 'name' | 'init' | 'hook' | 'cleanup' | 'memory' | 'metadata' | 'entry';

/** One export a profile knows about. */
export interface ExportSpec {
  readonly name: string;
  readonly role: ExportRole;
  /** Signatures the host accepts (several where dialects differ, e.g. `free(ptr)` and `free(ptr,size)`). */
  readonly signatures: readonly FunctionSignature[];
  /** Where the seed documents it, e.g. `seed 001 §Exports`. */
  readonly specRef: string;
}

/**
 * A requirement that one of several exports be present, e.g. "an allocator: `malloc` or
 * `plugin_malloc`". A profile's required exports are all expressed as groups.
 */
export interface RequiredGroup {
  readonly label: string;
  readonly anyOf: readonly string[];
  readonly specRef: string;
}

/** A host function the profile's host offers, with the signature it implements. */
export interface HostImportSpec {
  readonly module: string;
  readonly name: string;
  readonly signature: FunctionSignature;
}

/** One named input to a hook call (bifrost-v1 hooks take several JSON buffers). */
export interface HookParam {
  readonly name: string;
}

/** Field types an envelope check can enforce without a full schema. */
export type EnvelopeFieldType = 'object' | 'string' | 'boolean' | 'object|null' | 'any';

/** A field the output envelope must carry. */
export interface EnvelopeField {
  readonly name: string;
  readonly type: EnvelopeFieldType;
}

/** An example input taken from a seed, used to exercise a hook. */
export interface HookFixture {
  readonly id: string;
  readonly specRef: string;
  /** One JSON value per hook parameter, in order; `null` here means "pass JSON null". */
  readonly inputs: readonly unknown[];
}

/** A hook of a profile: its export, its parameters, its output envelope, its fixtures. */
export interface HookSpec {
  readonly name: string;
  readonly params: readonly HookParam[];
  readonly envelope: readonly EnvelopeField[];
  readonly fixtures: readonly HookFixture[];
  readonly specRef: string;
  /** Other export names that implement this hook in some dialect (e.g. legacy `http_intercept`). */
  readonly aliases?: readonly string[];
}

/** The dialect a plugin uses: named axes, each with the variant detected (e.g. `free: free(ptr,size)`). */
export type Dialect = Readonly<Record<string, string>>;

/** Limits the host enforces. Times in milliseconds. */
export interface ProfileLimits {
  readonly callTimeoutMs: number;
  readonly instantiateTimeoutMs: number;
  /** The real host's memory cap in 64 KiB pages, when it has one (enforced by the limits work). */
  readonly memoryPages?: number;
  /** The real host's fuel per call (wasmtime units), when it meters. */
  readonly fuel?: number;
}

/** A plugin's manifest (FrankenTerm's `extension.toml`), read next to the module. */
export interface PluginManifest {
  readonly path: string;
  /** The parsed document (TOML → plain JSON data). */
  readonly data: unknown;
}

/** What every profile has, whatever its family. */
export interface ProfileBase {
  readonly id: ProfileId;
  readonly family: ProfileFamily;
  readonly title: string;
  /** The seed document this profile is read from. */
  readonly seed: string;
  readonly exports: readonly ExportSpec[];
  readonly required: readonly RequiredGroup[];
  /**
   * Host functions the profile's host offers. The same function may appear under several import
   * modules when the seed and the real host disagree (both are dialects).
   */
  readonly hostImports: readonly HostImportSpec[];
  /**
   * Import modules whose functions the embedding application defines (Extism's `extism:host/user`):
   * any function imported from one is accepted with the signature the plugin declares, because
   * plugcheck cannot know the application's functions; the profile's host stubs and reports them.
   */
  readonly applicationImportModules?: readonly string[];
  readonly limits: ProfileLimits;
  /** Whether the real host keeps one instance alive or starts a fresh one per call. */
  readonly lifecycle: 'reused' | 'fresh';
  /** Reads the dialect off the module (and its manifest, where the profile has one). */
  detectDialect(module: ModuleInfo, manifest?: PluginManifest): Dialect;
  /** Export names that identify a plugin of this profile beyond `exports` (e.g. handlers a manifest names). */
  entryPoints?(module: ModuleInfo, manifest?: PluginManifest): readonly string[];
}

/** The Bifrost family: JSON in guest memory, packed u64 results (seeds 000, 001). */
export interface BifrostProfile extends ProfileBase {
  readonly family: 'bifrost';
  readonly hooks: readonly HookSpec[];
  /** The JSON config passed to `init` in lifecycle checks. */
  readonly initConfig: unknown;
}

/** A profile of a family whose specifics live in its own folder. */
export interface OtherProfile extends ProfileBase {
  readonly family: Exclude<ProfileFamily, 'bifrost'>;
}

/** A profile: everything plugcheck knows about one plugin system. */
export type Profile = BifrostProfile | OtherProfile;
