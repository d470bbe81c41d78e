/**
 * The shape the midimon checks that call `execute` share: they apply to midimon only, run after
 * `lifecycle.metadata`, and work on a plugin the host would load (its metadata accepted), since
 * the real host never calls `execute` on a plugin whose `init` it rejected.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { MidimonProfile } from '../../profiles/midimon/index.js';
import type { MidimonCaller } from '../../profiles/midimon/midimon-caller.js';
import { metadataLoad, midimonCaller, midimonProfile } from '../../profiles/midimon/midimon-session.js';
import type { PluginMetadata } from '../../profiles/midimon/plugin-metadata.js';
import { fail } from '../../report/check-result.js';
import type { CheckOutcome } from '../../report/check-result.js';
import type { CheckDefinition } from '../check-definition.js';
import { defineCheck } from '../check-definition.js';

/** What a midimon check's body receives. */
export interface LoadedPlugin {
  readonly ctx: CheckContext;
  readonly caller: MidimonCaller;
  readonly metadata: PluginMetadata;
  readonly profile: MidimonProfile;
}

/** Defines a midimon check that runs on a plugin whose metadata the host accepts. */
export function defineMidimonCheck(definition: {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  readonly run: (plugin: LoadedPlugin) => CheckOutcome;
}): CheckDefinition {
  const { run, ...described } = definition;
  return defineCheck({
    ...described,
    appliesTo: ['midimon'],
    dependsOn: ['lifecycle.metadata'],
    run(ctx) {
      const { verdict } = metadataLoad(ctx);
      // Only reachable with --only, when lifecycle.metadata itself was not run.
      if (verdict === undefined || !verdict.ok) {
        return fail('the host would not load this plugin: `init` gave no metadata it accepts (run lifecycle.metadata for the reason)', { verdict: verdict ?? 'no metadata' });
      }
      return run({ ctx, caller: midimonCaller(ctx), metadata: verdict.metadata, profile: midimonProfile(ctx) });
    },
  });
}
