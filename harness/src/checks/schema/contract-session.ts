/**
 * The calls the `schema.*` and `semantics.*` checks judge, made once per worker and shared.
 *
 * They run on instances of their own, started the way the real host loads a plugin (instantiate,
 * then `init` with the profile's config): the lifecycle session has been cleaned up by the time
 * these checks run. The seed examples go to one instance and the bad-input probes to another, so
 * a plugin that traps on bad input cannot disturb the answers the other checks compare.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { TrapInfo } from '../../host/classify-trap.js';
import { BifrostCaller } from '../../profiles/bifrost/bifrost-caller.js';
import { bifrostProfile } from '../../profiles/bifrost/bifrost-session.js';
import type { BifrostProfile, HookSpec } from '../../profiles/profile.js';
import { callHookValidated } from '../../schema/validated-hook-call.js';
import type { ValidatedCall } from '../../schema/validated-hook-call.js';
import { BIFROST_PROBES } from './bifrost-probes.js';
import type { BifrostProbe } from './bifrost-probes.js';

/** A hook the plugin exports, under the export name it uses. */
export interface ExportedHook {
  readonly hook: HookSpec;
  readonly exportName: string;
}

/** A probe's answer. */
export interface ProbeAnswer extends ValidatedCall {
  readonly probe: BifrostProbe;
}

/** The contract instances and the answers they gave. */
export interface ContractSession {
  readonly profile: BifrostProfile;
  readonly hooks: readonly ExportedHook[];
  /** The instance the seed examples (and repeats of them) are sent to. */
  readonly caller: BifrostCaller;
  /** Each exported hook's answer to each seed example, sent once, in profile order. */
  fixtureAnswers(): readonly ValidatedCall[];
  /** Each exported hook's answer to each bad-input probe, sent once, on a separate instance. */
  probeAnswers(): readonly ProbeAnswer[];
}

/** The session, or why an instance could not be started (only with --only, when lifecycle.instantiate did not run). */
export type ContractSessionResult = { readonly ok: true; readonly session: ContractSession } | { readonly ok: false; readonly trap: TrapInfo };

/** The profile's hooks the module exports, under their export names (an alias such as `http_intercept` counts). */
export function exportedHooks(ctx: CheckContext, profile: BifrostProfile): ExportedHook[] {
  const exported = new Set(ctx.module.exports.map((e) => e.name));
  return profile.hooks.flatMap((hook) => {
    const exportName = [hook.name, ...(hook.aliases ?? [])].find((n) => exported.has(n));
    return exportName === undefined ? [] : [{ hook, exportName }];
  });
}

/** A fresh instance started the way the real host loads a plugin: instantiated, then `init` with the profile's config. */
export function startInstance(ctx: CheckContext, profile: BifrostProfile): { ok: true; caller: BifrostCaller } | { ok: false; trap: TrapInfo } {
  const created = ctx.freshInstance();
  if (!created.ok) return created;
  const caller = new BifrostCaller(created.value, ctx.dialect);
  // init's status is lifecycle.init's verdict; these checks go on as a host that ignored it would.
  if (created.value.hasFunction('init')) caller.init(JSON.stringify(profile.initConfig));
  return { ok: true, caller };
}

/** Returns the worker's contract session, starting it on first use. */
export function contractSession(ctx: CheckContext): ContractSessionResult {
  return ctx.shared('bifrost-contract-session', (): ContractSessionResult => {
    const profile = bifrostProfile(ctx);
    const started = startInstance(ctx, profile);
    if (!started.ok) return started;
    const hooks = exportedHooks(ctx, profile);
    const { caller } = started;
    let fixtures: ValidatedCall[] | undefined;
    let probes: ProbeAnswer[] | undefined;
    const session: ContractSession = {
      profile,
      hooks,
      caller,
      fixtureAnswers: () =>
        (fixtures ??= hooks.flatMap(({ hook, exportName }) =>
          hook.fixtures.map((f) => callHookValidated(caller, profile.id, hook, exportName, { kind: 'values', values: f.inputs }, `${exportName} ${f.id}`)),
        )),
      probeAnswers: () => {
        if (probes !== undefined) return probes;
        const probing = startInstance(ctx, profile);
        if (!probing.ok) throw new Error(`a second instance of the plugin did not start: ${probing.trap.message}`);
        probes = hooks.flatMap(({ hook, exportName }) =>
          BIFROST_PROBES.flatMap((probe) => {
            const texts = probe.texts(hook);
            if (texts === undefined) return [];
            const call = callHookValidated(probing.caller, profile.id, hook, exportName, { kind: 'texts', texts }, `${exportName} ${probe.id}`);
            return [{ ...call, probe }];
          }),
        );
        return probes;
      },
    };
    return { ok: true, session };
  });
}
