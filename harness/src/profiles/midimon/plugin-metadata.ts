/**
 * The metadata `init()` returns, judged the way the real host parses it: serde_json into
 * conductor-core's `PluginMetadata` (seed-systems §3.3). The seed's example metadata lacks
 * `license` and `type`, which that struct requires, so a plugin copying the seed does not load;
 * the verdict says so instead of blaming the plugin author alone (spec-decisions "midimon").
 */

/** The `type` values the host's `PluginType` accepts. */
export const PLUGIN_TYPES = ['action', 'trigger'] as const;

/** The host's `Capability` enum, as serde spells it. */
export const CAPABILITIES = ['network', 'filesystem', 'audio', 'midi', 'subprocess', 'systemcontrol'] as const;

/** One capability the host knows. */
export type Capability = (typeof CAPABILITIES)[number];

/** Metadata the host accepts, plus the `actions` list plugins add (the host ignores it). */
export interface PluginMetadata {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly author: string;
  readonly license: string;
  readonly type: (typeof PLUGIN_TYPES)[number];
  readonly capabilities: readonly Capability[];
  /** The plugin's own action names, when it lists them as an array of strings. */
  readonly actions: readonly string[] | undefined;
}

/** The verdict on a metadata text. */
export type MetadataVerdict =
  | { readonly ok: true; readonly metadata: PluginMetadata; readonly notes: readonly string[] }
  | {
      readonly ok: false;
      readonly problems: readonly string[];
      /** True when the text looks copied from the seed's example (it has its fields, lacks the host's). */
      readonly seedExample: boolean;
      readonly fix: string;
    };

/** Where the host's requirements come from, for messages. */
export const METADATA_SOURCE = 'conductor-core/src/plugin/metadata.rs';

const STRING_FIELDS = ['name', 'version', 'description', 'author', 'license'] as const;
const SEED_ONLY_MISSING = ['license', 'type'];

const describeValue = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

function isCapability(value: unknown): value is Capability {
  return (CAPABILITIES as readonly unknown[]).includes(value);
}

function capabilityProblems(value: unknown): string[] {
  // `#[serde(default)]` fills a missing list, but null is not a sequence and fails.
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [`\`capabilities\` is ${describeValue(value)}, expected an array of ${CAPABILITIES.join('|')}`];
  return value
    .filter((c) => !isCapability(c))
    .map((c) => `capability ${JSON.stringify(c)} is not one the host knows (${CAPABILITIES.join(', ')})`);
}

function fieldProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of STRING_FIELDS) {
    const value = doc[field];
    if (value === undefined) problems.push(`\`${field}\` is missing`);
    else if (typeof value !== 'string') problems.push(`\`${field}\` is ${describeValue(value)}, expected a string`);
  }
  const type = doc['type'];
  if (type === undefined) problems.push(`\`type\` is missing (expected "${PLUGIN_TYPES.join('" or "')}")`);
  else if (!(PLUGIN_TYPES as readonly unknown[]).includes(type)) problems.push(`\`type\` is ${JSON.stringify(type)}, expected "${PLUGIN_TYPES.join('" or "')}"`);
  const homepage = doc['homepage'];
  if (homepage !== undefined && homepage !== null && typeof homepage !== 'string') problems.push(`\`homepage\` is ${describeValue(homepage)}, expected a string or null`);
  return [...problems, ...capabilityProblems(doc['capabilities'])];
}

function actionsOf(doc: Record<string, unknown>): { actions: string[] | undefined; note: string | undefined } {
  const value = doc['actions'];
  if (value === undefined) return { actions: undefined, note: undefined };
  if (Array.isArray(value) && value.length > 0 && value.every((a) => typeof a === 'string' && a.length > 0)) return { actions: value as string[], note: undefined };
  return { actions: undefined, note: `\`actions\` is ${describeValue(value)} rather than a non-empty list of names; the host ignores it, and plugcheck falls back to the seed's example action` };
}

/** Parses and judges the text `init()` returned. */
export function readMetadata(text: string): MetadataVerdict {
  let doc: unknown;
  try {
    // JSON.parse, like serde_json::from_str, allows surrounding whitespace and nothing else.
    doc = JSON.parse(text);
  } catch (thrown) {
    return {
      ok: false,
      problems: [`the metadata is not one JSON document (${thrown instanceof Error ? thrown.message : String(thrown)})`],
      seedExample: false,
      fix: 'return exactly the JSON text of the metadata object, without NUL padding or trailing bytes',
    };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, problems: [`the metadata is ${describeValue(doc)}, expected a JSON object`], seedExample: false, fix: 'return a JSON object' };
  }
  const record = doc as Record<string, unknown>;
  const problems = fieldProblems(record);
  if (problems.length > 0) {
    const missing = SEED_ONLY_MISSING.filter((f) => record[f] === undefined);
    const seedExample = missing.length > 0 && ['name', 'version', 'description', 'author'].every((f) => typeof record[f] === 'string');
    return {
      ok: false,
      problems,
      seedExample,
      fix: `return every field ${METADATA_SOURCE} requires, e.g. {"name":…,"version":"1.0.0","description":…,"author":…,"license":"MIT","type":"action","capabilities":[]}`,
    };
  }
  const { actions, note } = actionsOf(record);
  const metadata: PluginMetadata = {
    name: record['name'] as string,
    version: record['version'] as string,
    description: record['description'] as string,
    author: record['author'] as string,
    license: record['license'] as string,
    type: record['type'] as PluginMetadata['type'],
    capabilities: (record['capabilities'] as Capability[] | undefined) ?? [],
    actions,
  };
  return { ok: true, metadata, notes: note === undefined ? [] : [note] };
}
