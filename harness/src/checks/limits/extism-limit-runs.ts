/**
 * The calls the limits checks make on an Extism plugin, on the real runtime, on the plugin or a
 * rewrite of it: loading it (start function, `_initialize`), then, for a data source, the exports
 * of the terminal's flow in order on that one instance (metadata, configure, the commands), as an
 * Extism host keeps one instance per plugin (seed-systems §5.5). A general Extism plugin's exports
 * take inputs plugcheck does not have, so only its loading is measured. The module is prepared as
 * every Extism run prepares it (return codes exposed) before it is rewritten. Fuel is refilled
 * before each call: a metering Extism host (the Rust SDK's `with_fuel_limit`) gives every call the
 * whole budget.
 */
import { defaultCallTimeoutMs } from '../../profiles/effective-limits.js';
import type { CheckContext } from '../../engine/check-context.js';
import { HostCallTrace } from '../../host/host-call-trace.js';
import { CONFIG, UNKNOWN_COMMAND } from '../../profiles/extism/datasource-fixtures.js';
import { DatasourceHost } from '../../profiles/extism/datasource-host.js';
import { configureExport, metadataStep, runStreamKey } from '../../profiles/extism/datasource-run.js';
import { rcText } from '../../profiles/extism/describe-extism-call.js';
import { exercisedExports } from '../../profiles/extism/exercise-plan.js';
import { ExtismSession } from '../../profiles/extism/extism-session.js';
import type { ExtismFunctions, PreparedModule } from '../../profiles/extism/extism-session.js';
import { EXTISM_USER } from '../../profiles/extism/kernel-imports.js';
import { probeReturnCodes } from '../../profiles/extism/return-code-probe.js';
import { stubFunctions } from '../../profiles/extism/stub-functions.js';
import { networkAllowList } from '../../profiles/extism/network-allow-list.js';
import { msSince, readFuel } from './limit-call.js';
import type { LimitCall } from './limit-call.js';

/** The module every Extism run loads (return codes exposed), as bytes to rewrite, and where the codes are read. */
export function extismLimitBytes(ctx: CheckContext): { readonly bytes: Uint8Array<ArrayBuffer>; readonly returnCodes: PreparedModule['returnCodes'] } {
  try {
    const probed = probeReturnCodes(ctx.bytes, ctx.module);
    return { bytes: probed.bytes, returnCodes: { global: probed.global, wrapped: probed.wrapped } };
  } catch {
    // Unreadable for the probe: the original, codes unknown (as prepareModule falls back).
    return { bytes: ctx.bytes, returnCodes: undefined };
  }
}

/** The export names of the prepared module (the probe adds its return-code global). */
export function extismExportNames(ctx: CheckContext, returnCodes: PreparedModule['returnCodes']): string[] {
  return [...ctx.module.exports.map((e) => e.name), ...(returnCodes === undefined ? [] : [returnCodes.global])];
}

/** The input the terminal's flow passes each exercised export. */
async function inputFor(ctx: CheckContext, name: string): Promise<string> {
  if (name === configureExport(ctx)) return JSON.stringify(CONFIG);
  if (name === 'start_stream' || name === 'stop_stream') return JSON.stringify(await runStreamKey(ctx));
  if (name === 'handle_command') return JSON.stringify(UNKNOWN_COMMAND);
  return '';
}

/**
 * Loads `bytes` (an Extism-prepared module, possibly rewritten) and makes the flow's calls;
 * `fuel` names a metered module's fuel export and the budget each call gets.
 */
export async function extismLimitRuns(
  ctx: CheckContext,
  bytes: Uint8Array<ArrayBuffer>,
  returnCodes: PreparedModule['returnCodes'],
  fuel?: { readonly global: string; readonly budget: bigint },
): Promise<LimitCall[]> {
  const datasource = ctx.profile.id === 'extism-datasource';
  const metadata = datasource ? await metadataStep(ctx) : undefined;
  const host = datasource ? new DatasourceHost({ networkTargets: metadata?.ok === true ? metadata.networkTargets : [], allowedHosts: networkAllowList(ctx).hosts }) : undefined;
  const functions: ExtismFunctions = host?.functions() ?? stubFunctions(ctx.module, (e) => e.module === EXTISM_USER, new HostCallTrace());
  const limits = ctx.profile.limits;
  const started = performance.now();
  const load = await ExtismSession.load({
    prepared: { module: new WebAssembly.Module(bytes), returnCodes },
    functions,
    heartbeat: ctx.heartbeat,
    callTimeoutMs: ctx.options.callTimeoutMs ?? defaultCallTimeoutMs(ctx.profile, ctx.options),
    instantiateTimeoutMs: ctx.options.instantiateTimeoutMs ?? limits.instantiateTimeoutMs,
  });
  const loadMs = msSince(started);
  if (!load.ok) return [{ label: 'instantiate', phase: 'instantiate', durationMs: loadMs, pages: 0, fuelLeft: undefined, outcome: `trap (${load.trap.kind}) while loading: ${load.trap.message}`, trapped: true }];
  const { session } = load;
  const fuelGlobal = () => (fuel === undefined ? undefined : session.exported(fuel.global));
  const calls: LimitCall[] = [
    { label: 'instantiate', phase: 'instantiate', durationMs: loadMs, pages: session.memoryPages() ?? 0, fuelLeft: readFuel(fuelGlobal()), outcome: 'loaded', trapped: false },
  ];
  const exported = new Set(ctx.module.exports.filter((e) => e.kind === 'function').map((e) => e.name));
  for (const name of exercisedExports(ctx.profile.id, ctx.dialect).filter((n) => exported.has(n))) {
    const global = fuelGlobal();
    if (fuel !== undefined && global instanceof WebAssembly.Global) global.value = fuel.budget;
    host?.setDuring(name);
    const call = await session.call(name, await inputFor(ctx, name), `${name} (limits)`);
    calls.push({
      label: name,
      phase: 'call',
      durationMs: call.durationMs,
      pages: call.memoryPages ?? 0,
      fuelLeft: readFuel(fuelGlobal()),
      outcome: call.kind === 'trapped' ? `trap (${call.trap.kind}): ${call.trap.message}` : `returned ${rcText(call)}${call.error === null ? '' : ' with error_set'}`,
      trapped: call.kind === 'trapped',
    });
    // A trapped instance is unusable for the rest of the flow, as in the terminal.
    if (call.kind === 'trapped') break;
  }
  await session.close();
  return calls;
}
