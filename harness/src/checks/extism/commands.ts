/**
 * `lifecycle.commands`: the configured plugin serves the host's commands. Generation B: the seed's
 * stream key starts a stream through the scripted WebSocket (`{success:true, data}`) and
 * `stop_stream` stops it, closing every connection it opened. Current generation: `handle_command`
 * answers a command envelope with a `Response` (`{result, error?}`).
 */
import type { CheckContext } from '../../engine/check-context.js';
import { COMMAND_RESPONSE_SHAPE, STREAM_RESPONSE_SHAPE } from '../../profiles/extism/datasource-fixtures.js';
import { commandsStep, runStreamKey } from '../../profiles/extism/datasource-run.js';
import type { DatasourceCall } from '../../profiles/extism/datasource-run.js';
import { callEvidence, describeCall } from '../../profiles/extism/describe-extism-call.js';
import { extismInstance } from '../../profiles/extism/extism-instance.js';
import { readShaped } from '../../profiles/extism/json-shape.js';
import type { Shape } from '../../profiles/extism/json-shape.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

/** What is wrong with one command call: a trap, an error, a bad answer, malformed host calls. */
function problemsOf(entry: DatasourceCall, shape: Shape, flag: 'success' | 'result'): string[] {
  const { call } = entry;
  const name = `\`${call.export}\``;
  const malformed = entry.findings.filter((f) => f.kind === 'malformed').map((f) => `${name} sent a malformed ${f.import}: ${f.problem}`);
  if (call.kind === 'trapped' || call.error !== null || call.output?.text == null) return [`${name} ${describeCall(call)}`, ...malformed];
  const read = readShaped(call.output.text, shape);
  if (!read.ok) return [...read.problems.map((p) => `${name} output: ${p}`), ...malformed];
  if (flag === 'success' && read.value[flag] !== true) {
    return [`${name} answered ${JSON.stringify(read.value).slice(0, 200)} for ${entry.purpose}, expected success:true`, ...malformed];
  }
  return malformed;
}

async function leftOpen(ctx: CheckContext): Promise<string[]> {
  const instance = await extismInstance(ctx);
  const host = instance.host;
  if (host === undefined) return [];
  return host.openConnections().map((id) => `stop_stream left connection ${id} (${host.connections.get(id)?.url ?? '?'}) open`);
}

export default defineCheck({
  id: 'lifecycle.commands',
  title: 'The configured plugin serves its commands (start_stream/stop_stream or handle_command)',
  specRef: 'seed 004 §Plugin Flow ("Calls start_stream with StreamKey", "stop_stream when done"); seed-systems §5.3–5.4',
  appliesTo: ['extism-datasource'],
  dependsOn: ['lifecycle.configure'],
  async run(ctx) {
    const step = await commandsStep(ctx);
    if (!step.ok) return fail(`the plugin could not be loaded to run its commands (${step.trap.kind}): ${step.trap.message}`, { trap: step.trap });
    if (step.calls.length === 0) return skip('the plugin exports neither start_stream nor handle_command (abi.required-exports reports it)');
    const current = ctx.dialect['generation'] === 'current';
    const problems: string[] = [];
    // Calls run in order; once one fails, the later ones only show its consequences.
    for (const entry of step.calls) {
      problems.push(...(current ? problemsOf(entry, COMMAND_RESPONSE_SHAPE, 'result') : problemsOf(entry, STREAM_RESPONSE_SHAPE, 'success')));
      if (problems.length > 0) break;
    }
    const stopped = step.calls.some((c) => c.call.export === 'stop_stream' && c.call.kind === 'returned');
    if (problems.length === 0 && stopped) problems.push(...(await leftOpen(ctx)));
    const host = (await extismInstance(ctx)).host;
    const evidence = {
      calls: step.calls.map(callEvidence),
      ...(current ? {} : { streamKey: await runStreamKey(ctx), published: host?.published.length ?? 0, connections: [...(host?.connections.keys() ?? [])] }),
    };
    if (problems.length > 0) {
      return fail(problems.join('; '), {
        ...evidence,
        fix: current
          ? 'answer handle_command with {"result":bool,"error":"…"}; unknown commands get result:false and an error'
          : 'start the stream the key names and answer {"success":true,"data":{…}}; on stop_stream close its connection (ws_close) and answer {"success":true}',
      });
    }
    const summary = current
      ? '`handle_command` answered a command envelope'
      : `start_stream and stop_stream served the stream key (${host?.published.length ?? 0} publishes, ${host?.connections.size ?? 0} connections opened and closed)`;
    return pass(summary, evidence);
  },
});
