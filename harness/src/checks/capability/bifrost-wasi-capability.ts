/**
 * The Bifrost capability checks: a Bifrost plugin may import WASI preview1, and the host grants it
 * neither a directory nor an environment (README "How it runs a plugin": no files, no environment),
 * so every file access and every environment read a hook makes is denied. Each is reported with the
 * hook that made it, the WASI call and how the host answered.
 */
import type { HostCall } from '../../host/host-call-trace.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';
import type { CheckDefinition } from '../check-definition.js';
import { bifrostHookTraces } from './bifrost-hook-traces.js';
import { isEnvironmentRead, isFileAccess, wasiName, wasiOutcome } from './wasi-access.js';

interface WasiCapability {
  readonly id: string;
  readonly title: string;
  readonly specRef: string;
  /** What is denied, for messages, singular and plural: `file access`, `file accesses`. */
  readonly what: readonly [string, string];
  /** How the host answered such a call, in words. */
  readonly answer: (call: HostCall) => string;
  readonly denied: (call: HostCall, duringCall: boolean) => boolean;
  readonly fix: string;
}

function defineWasiCapabilityCheck(capability: WasiCapability): CheckDefinition {
  return defineCheck({
    id: capability.id,
    title: capability.title,
    specRef: capability.specRef,
    appliesTo: ['bifrost-v1', 'bifrost-v2'],
    // A hook that hangs or traps is lifecycle.hooks-answer's finding; only plugins whose hooks answer
    // are judged on what those hooks touched.
    dependsOn: ['lifecycle.hooks-answer'],
    run(ctx) {
      const traces = bifrostHookTraces(ctx);
      const denied = traces.flatMap(({ hook, calls }) =>
        calls.filter((c) => capability.denied(c, hook !== 'instantiate')).map((c) => ({ hook, hostCall: wasiName(c) ?? c.import, args: c.args, denied: capability.answer(c) })),
      );
      const hooks = traces.map((t) => t.hook);
      const [one, many] = capability.what;
      if (denied.length === 0) return pass(`no ${one} in ${hooks.length} calls (${hooks.join(', ')})`, { hooks });
      const summary = denied.slice(0, 5).map((d) => `${d.hostCall} (${d.denied}) during \`${d.hook}\``).join(', ');
      return fail(
        `${denied.length} ${denied.length === 1 ? one : many} the Bifrost host does not grant, each denied: ${summary}. Expected a plugin to use only its input: the host grants no directory and no environment`,
        { denied: denied.slice(0, 20), hooks, fix: capability.fix },
      );
    },
  });
}

/** `capability.filesystem` (Bifrost): no hook touches files. */
export const bifrostFilesystem = defineWasiCapabilityCheck({
  id: 'capability.filesystem',
  title: 'No hook touches files: the host preopens no directory',
  specRef: 'seed 001 §Hooks (a hook works on its JSON input); README "How it runs a plugin" (WASI in memory, no files); design "Strict by default" (file access outside the preopened directory is denied and reported)',
  what: ['file access', 'file accesses'],
  answer: wasiOutcome,
  denied: isFileAccess,
  fix: 'work on the hook input only; a Bifrost plugin is given no files (pass what it needs in the init config)',
});

/** `capability.environment` (Bifrost): no hook reads the environment. */
export const bifrostEnvironment = defineWasiCapabilityCheck({
  id: 'capability.environment',
  title: 'No hook reads the environment: the host grants none',
  specRef: 'seed 001 §Exports: init (configuration comes from init\'s config); README "How it runs a plugin" (WASI with no environment); design "Strict by default" (environment reads outside the allow-list are denied and reported)',
  what: ['environment read', 'environment reads'],
  answer: (call) => (call.error === undefined && call.result === 0 ? 'no variables granted' : wasiOutcome(call)),
  denied: (call) => isEnvironmentRead(call),
  fix: 'read settings from the init config instead of environment variables; the host grants none',
});
