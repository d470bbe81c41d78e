/**
 * The bad inputs plugcheck sends every Bifrost hook besides the seed examples (spec-decisions
 * "bifrost"): empty input as `(0, 0)`, and the seed example with a `context` of the wrong type.
 * A plugin must answer both with an error in its envelope, never a trap.
 */
import type { HookSpec } from '../../profiles/profile.js';

/** Ids of the probes. */
export type ProbeId = 'empty-input' | 'wrong-typed-context';

/** One bad input, built per hook. */
export interface BifrostProbe {
  readonly id: ProbeId;
  /** What the input is, for messages. */
  readonly what: string;
  readonly specRef: string;
  /** The raw texts to send, one per parameter; undefined when the probe does not apply to the hook. */
  texts(hook: HookSpec): readonly string[] | undefined;
}

/** The context value of the wrong type: the request id itself, as a careless host might send it. */
export const WRONG_TYPED_CONTEXT = 'abc-123';

/** Every probe, in the order they are sent. */
export const BIFROST_PROBES: readonly BifrostProbe[] = [
  {
    id: 'empty-input',
    what: 'empty input (0, 0)',
    specRef: 'spec-decisions "bifrost": empty input is passed as (0, 0); seed-systems §1.4 (`len==0` means nil input)',
    texts: (hook) => hook.params.map(() => ''),
  },
  {
    id: 'wrong-typed-context',
    what: `the seed example with \`context\` as the string "${WRONG_TYPED_CONTEXT}"`,
    specRef: 'spec-decisions "bifrost": input fields of the wrong type get a structured error, as Go\'s JSON decoding would reject them',
    texts: (hook) => {
      const example = hook.fixtures[0];
      if (example === undefined) return undefined;
      // Single-buffer hooks (v2) carry the context as a field; multi-buffer hooks (v1) pass it as the first buffer.
      const values = hook.params.length === 1
        ? [{ ...(example.inputs[0] as Record<string, unknown>), context: WRONG_TYPED_CONTEXT }]
        : [WRONG_TYPED_CONTEXT, ...example.inputs.slice(1)];
      return values.map((v) => JSON.stringify(v));
    },
  },
];
