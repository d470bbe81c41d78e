/**
 * What the midimon host sends to `execute`: `{action, context}` JSON. Two context shapes are
 * fixtures because the seed and the real host disagree (spec-decisions "midimon"): the seed's
 * template `{velocity,note,cc,value,timestamp,metadata}` and the host's
 * `{velocity,current_mode,timestamp}`, which is what a plugin really receives.
 */

/** One context an `execute` call is made with. */
export interface ContextFixture {
  readonly id: string;
  /** How reports name the shape, e.g. `the real host's context {velocity,current_mode,timestamp}`. */
  readonly label: string;
  readonly specRef: string;
  readonly context: Readonly<Record<string, unknown>>;
}

/** The seed's example context (the template plugin's `TriggerContext`). */
export const SEED_CONTEXT: ContextFixture = {
  id: 'seed-context',
  label: "the seed's context {velocity,note,cc,value,timestamp,metadata}",
  specRef: 'seed 002 §Request Format',
  context: { velocity: 100, note: 60, cc: null, value: null, timestamp: 1234567890, metadata: { custom_key: 'custom_value' } },
};

/**
 * The real host's context. Field order is serde's (struct order) and `current_mode` is `None`,
 * which serde writes as `null` (seed-systems §3.3).
 */
export const HOST_CONTEXT: ContextFixture = {
  id: 'host-context',
  label: "the real host's context {velocity,current_mode,timestamp}",
  specRef: 'seed-systems §3.3 (TriggerContext, conductor-core plugin/action_plugin.rs)',
  context: { velocity: 100, current_mode: null, timestamp: 1705612800000 },
};

/** Every context shape `execute` is called with, in call order. */
export const CONTEXT_FIXTURES: readonly ContextFixture[] = [SEED_CONTEXT, HOST_CONTEXT];

/**
 * The action used when the metadata lists none: the seed's example. The real host takes the action
 * from the user's mapping (`params.action`), so any name can arrive.
 */
export const DEFAULT_ACTION = 'my_action';

/** At most this many of the metadata's `actions` are called, so a huge list cannot stall a run. */
export const MAX_ACTIONS = 16;

/** The request the host writes into guest memory, serialised as serde does: `action` first, compact. */
export function requestJson(action: string, fixture: ContextFixture): string {
  return JSON.stringify({ action, context: fixture.context });
}
