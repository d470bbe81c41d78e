/**
 * What the midimon checks of one worker share, computed once: the caller, the `init` call and
 * the verdict on its metadata, the `alloc` probes, and the `execute` calls over every fixture.
 * Each of those calls still runs in a fresh instance of its own, as in the real host; sharing
 * only spares running them twice for two checks.
 */
import type { CheckContext } from '../../engine/check-context.js';
import { MAX_ACTIONS, requestJson } from './fixtures.js';
import type { ContextFixture } from './fixtures.js';
import { midimon } from './index.js';
import type { MidimonProfile } from './index.js';
import { MidimonCaller } from './midimon-caller.js';
import type { AllocCall, ExecuteCall, InitCall, MidimonFailure } from './midimon-caller.js';
import { readMetadata } from './plugin-metadata.js';
import type { MetadataVerdict, PluginMetadata } from './plugin-metadata.js';

/** What `init` gave the host to load the plugin with: metadata text and its verdict, or why there is none. */
export type MetadataLoad =
  | { readonly init: Extract<InitCall, { kind: 'metadata' }>; readonly verdict: MetadataVerdict }
  | { readonly init: MidimonFailure; readonly verdict: undefined };

/** One `execute` call over one action and one context shape. */
export interface ExecuteRun {
  readonly action: string;
  readonly fixture: ContextFixture;
  readonly request: string;
  readonly call: ExecuteCall;
}

/** The run's profile as the midimon profile; a check registered for midimon only ever sees it. */
export function midimonProfile(ctx: CheckContext): MidimonProfile {
  if (ctx.profile.id !== midimon.id) throw new Error(`a midimon check ran on profile ${ctx.profile.id}`);
  return midimon;
}

/** The worker's caller (it holds the plugin-data directory, which outlives instances as the host's does). */
export function midimonCaller(ctx: CheckContext): MidimonCaller {
  midimonProfile(ctx);
  return ctx.shared('midimon-caller', () => new MidimonCaller((grants) => ctx.freshInstance(grants)));
}

/** Calls `init` in a fresh instance and judges its metadata, once per worker. */
export function metadataLoad(ctx: CheckContext): MetadataLoad {
  const caller = midimonCaller(ctx);
  return ctx.shared('midimon-metadata', (): MetadataLoad => {
    const init = caller.init();
    return init.kind === 'metadata' ? { init, verdict: readMetadata(init.text) } : { init, verdict: undefined };
  });
}

/** The actions `execute` is called with: the metadata's own list (capped), else the seed's example. */
export function actionsToCall(metadata: PluginMetadata, profile: MidimonProfile): readonly string[] {
  return metadata.actions === undefined ? [profile.defaultAction] : metadata.actions.slice(0, MAX_ACTIONS);
}

/** Every action with every context shape, each in a fresh instance; computed once per worker. */
export function executeRuns(ctx: CheckContext, metadata: PluginMetadata): readonly ExecuteRun[] {
  const caller = midimonCaller(ctx);
  const profile = midimonProfile(ctx);
  return ctx.shared('midimon-execute-runs', () =>
    actionsToCall(metadata, profile).flatMap((action) =>
      profile.contexts.map((fixture): ExecuteRun => {
        const request = requestJson(action, fixture);
        const call = caller.execute(request, { capabilities: metadata.capabilities, label: `execute ${action} (${fixture.id})` });
        return { action, fixture, request, call };
      }),
    ),
  );
}

/**
 * The sizes `alloc` is probed with: every request the default action makes, and 16 KiB, a request
 * with a large context that needs the plugin to grow its memory.
 */
export function allocProbeSizes(profile: MidimonProfile): readonly number[] {
  const sizes = profile.contexts.map((f) => Buffer.byteLength(requestJson(profile.defaultAction, f), 'utf8'));
  return [...new Set([...sizes, 16384])];
}

/** `alloc` called once per probe size, each in a fresh instance; computed once per worker. */
export function allocProbes(ctx: CheckContext): readonly AllocCall[] {
  const caller = midimonCaller(ctx);
  return ctx.shared('midimon-alloc-probes', () => allocProbeSizes(midimonProfile(ctx)).map((len) => caller.allocate(len)));
}
