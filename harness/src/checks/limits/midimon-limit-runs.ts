/**
 * The calls the limits checks make on a midimon plugin, on a rewritten module (memory capped or
 * metered): `init`, then `execute` for every action and context shape, each in a fresh instance
 * as the real host makes them (seed-systems §3.5: a new Store, with its limits and fuel, per call).
 * What each instance ends with — its memory size, the instance itself — is recorded per call.
 */
import type { CheckContext } from '../../engine/check-context.js';
import type { PluginInstance } from '../../host/plugin-instance.js';
import { requestJson } from '../../profiles/midimon/fixtures.js';
import { MidimonCaller } from '../../profiles/midimon/midimon-caller.js';
import type { ExecuteCall, InitCall } from '../../profiles/midimon/midimon-caller.js';
import { actionsToCall, metadataLoad, midimonProfile } from '../../profiles/midimon/midimon-session.js';
import { PAGE_BYTES } from '../../wasm/cap-memory.js';

/** One call under limits, with the instance it ran in (absent when instantiation failed). */
export interface LimitedCall {
  readonly label: string;
  readonly call: InitCall | ExecuteCall;
  readonly instance: PluginInstance | undefined;
  /** Pages of memory the instance ended the call with (0 without an instance or a memory). */
  readonly pages: number;
}

/** Runs `init` and every `execute` on instances of `module` (a rewrite of the plugin). */
export function midimonLimitRuns(ctx: CheckContext, module: WebAssembly.Module): readonly LimitedCall[] {
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
  const runs: LimitedCall[] = [];
  const record = (label: string, make: () => InitCall | ExecuteCall) => {
    const before = opened.length;
    const call = make();
    const instance = opened.length > before ? opened[opened.length - 1] : undefined;
    runs.push({ label, call, instance, pages: (instance?.memory?.byteLength ?? 0) / PAGE_BYTES });
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

/** How a call ended, in a word, for evidence. */
export function callOutcome(run: LimitedCall): string {
  const { call } = run;
  if (call.kind === 'trap') return `trap (${call.trap.kind}) in ${call.step}`;
  if (call.kind === 'fault') return `fault (${call.fault.kind}) in ${call.step}`;
  return call.kind === 'status' ? `status ${call.code}` : 'metadata';
}
