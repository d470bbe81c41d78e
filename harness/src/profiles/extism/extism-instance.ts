/**
 * The long-lived Extism instance the checks of one worker share, loaded the way an Extism host
 * loads a plugin: the rewritten module (return codes exposed) on the real runtime, with the
 * profile's host functions. For `extism-datasource` those are the scripted data-source host; for
 * the general profile, the application's `extism:host/user` functions stubbed.
 */
import { defaultCallTimeoutMs } from '../effective-limits.js';
import type { CheckContext } from '../../engine/check-context.js';
import { HostCallTrace } from '../../host/host-call-trace.js';
import type { ImportEntry } from '../../wasm/index.js';
import { DatasourceHost } from './datasource-host.js';
import { ExtismSession, prepareModule } from './extism-session.js';
import type { ExtismFunctions, ExtismLoad, PreparedModule } from './extism-session.js';
import { EXTISM_USER } from './kernel-imports.js';
import { networkAllowList } from './network-allow-list.js';
import { listStubs, stubFunctions } from './stub-functions.js';
import type { StubbedImport } from './stub-functions.js';

/** The shared instance: loaded (with its host) or the reason it did not load. */
export type ExtismInstance = ExtismLoad & {
  /** The scripted host, for `extism-datasource`. */
  readonly host: DatasourceHost | undefined;
  /** The application functions plugcheck stubbed (general profile), and their calls. */
  readonly stubs: readonly StubbedImport[];
  readonly stubTrace: HostCallTrace;
};

const isUserImport = (entry: ImportEntry) => entry.module === EXTISM_USER;

/** The module as the runtime loads it, prepared once per worker. */
export function preparedModule(ctx: CheckContext): PreparedModule {
  return ctx.shared('extism-prepared', () => prepareModule(ctx.bytes, ctx.module));
}

/** Loads a new instance of the plugin with `functions`, under the run's limits. */
export function loadExtism(ctx: CheckContext, functions: ExtismFunctions): Promise<ExtismLoad> {
  const limits = ctx.profile.limits;
  return ExtismSession.load({
    prepared: preparedModule(ctx),
    functions,
    heartbeat: ctx.heartbeat,
    callTimeoutMs: ctx.options.callTimeoutMs ?? defaultCallTimeoutMs(ctx.profile, ctx.options),
    instantiateTimeoutMs: ctx.options.instantiateTimeoutMs ?? limits.instantiateTimeoutMs,
  });
}

/** The worker's shared instance, loaded on first use. */
export function extismInstance(ctx: CheckContext): Promise<ExtismInstance> {
  return ctx.shared('extism-instance', async (): Promise<ExtismInstance> => {
    const host = ctx.profile.id === 'extism-datasource' ? new DatasourceHost({ allowedHosts: networkAllowList(ctx).hosts }) : undefined;
    const stubTrace = new HostCallTrace();
    const functions = host?.functions() ?? stubFunctions(ctx.module, isUserImport, stubTrace);
    const stubs = host === undefined ? listStubs(ctx.module, isUserImport) : [];
    const load = await loadExtism(ctx, functions);
    return { ...load, host, stubs, stubTrace };
  });
}
