/**
 * The long-lived Bifrost instance the lifecycle checks share, started the way the real host loads
 * a plugin: instantiate, then `init(config)` when the plugin exports it (seed-systems §1.7: Init
 * runs at load time, before GetName). Later checks call hooks and `cleanup` on the same instance.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { TrapInfo } from '../../host/classify-trap.js';
import type { BifrostProfile } from '../profile.js';
import { BifrostCaller } from './bifrost-caller.js';

/** The shared session, or why the plugin could not be instantiated. */
export type BifrostSession =
  | { readonly ok: true; readonly caller: BifrostCaller; readonly init: ReturnType<BifrostCaller['init']> | undefined }
  | { readonly ok: false; readonly trap: TrapInfo };

/** The run's profile as a Bifrost profile; a check registered for Bifrost only ever sees one. */
export function bifrostProfile(ctx: CheckContext): BifrostProfile {
  const profile = ctx.profile;
  if (profile.family !== 'bifrost') throw new Error(`a Bifrost check ran on profile ${profile.id}`);
  return profile;
}

/** Returns the worker's shared Bifrost session, starting it on first use. */
export function bifrostSession(ctx: CheckContext): BifrostSession {
  const profile = bifrostProfile(ctx);
  return ctx.shared('bifrost-session', (): BifrostSession => {
    const created = ctx.freshInstance();
    if (!created.ok) return { ok: false, trap: created.trap };
    const caller = new BifrostCaller(created.value, ctx.dialect);
    const init = created.value.hasFunction('init') ? caller.init(JSON.stringify(profile.initConfig)) : undefined;
    return { ok: true, caller, init };
  });
}
