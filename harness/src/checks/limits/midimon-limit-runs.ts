/**
 * The calls the limits checks make on a midimon plugin, on the plugin or a rewrite of it: `init`,
 * then `execute` for every action and context shape, each in a fresh instance as the real host
 * makes them (seed-systems §3.5: a new Store, with its limits and fuel, per call). What each
 * instance ends with — its memory size, the fuel left — is recorded per call.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { PluginInstance } from '../../host/plugin-instance.js';
import { requestJson } from '../../profiles/midimon/fixtures.js';
import { MidimonCaller } from '../../profiles/midimon/midimon-caller.js';
import type { ExecuteCall, InitCall } from '../../profiles/midimon/midimon-caller.js';
import { actionsToCall, metadataLoad, midimonProfile } from '../../profiles/midimon/midimon-session.js';
import { PAGE_BYTES } from '../../wasm/cap-memory.js';
import { msSince, readFuel } from './limit-call.js';
import type { LimitCall } from './limit-call.js';

/** How a midimon call ended, in a word, for evidence. */
function outcomeOf(call: InitCall | ExecuteCall): string {
  if (call.kind === 'trap') return `trap (${call.trap.kind}) in ${call.step}`;
  if (call.kind === 'fault') return `fault (${call.fault.kind}) in ${call.step}`;
  return call.kind === 'status' ? `status ${call.code}` : 'metadata';
}

/** Runs `init` and every `execute` on instances of `module`; `fuelGlobal` names a metered module's fuel export. */
export function midimonLimitRuns(ctx: CheckContext, module: WebAssembly.Module, fuelGlobal?: string): LimitCall[] {
  const profile = midimonProfile(ctx);
  const opened: PluginInstance[] = [];
  const caller = new MidimonCaller((grants) => {
    const created = ctx.freshInstance(grants, module);
    if (created.ok) opened.push(created.value);
    return created;
  });
  // The metadata the host would load with decides actions and capabilities, as in lifecycle.execute;
  // without accepted metadata the seed's action is used, so a limit is still measured.
  const { verdict } = metadataLoad(ctx);
  const metadata = verdict?.ok === true ? verdict.metadata : undefined;
  const actions = metadata === undefined ? [profile.defaultAction] : actionsToCall(metadata, profile);
  const runs: LimitCall[] = [];
  const record = (label: string, make: () => InitCall | ExecuteCall) => {
    const before = opened.length;
    const started = performance.now();
    const call = make();
    const durationMs = msSince(started);
    const instance = opened.length > before ? opened[opened.length - 1] : undefined;
    runs.push({
      label,
      phase: 'call',
      durationMs,
      pages: (instance?.memory?.byteLength ?? 0) / PAGE_BYTES,
      fuelLeft: fuelGlobal === undefined ? undefined : readFuel(instance?.instance.exports[fuelGlobal]),
      outcome: outcomeOf(call),
      trapped: call.kind === 'trap' || call.kind === 'fault',
    });
  };
  record('init', () => caller.init());
  for (const action of actions) {
    for (const fixture of profile.contexts) {
      const label = `execute ${action} (${fixture.id})`;
      record(label, () => caller.execute(requestJson(action, fixture), { capabilities: metadata?.capabilities ?? [], label }));
    }
  }
  return runs;
}
