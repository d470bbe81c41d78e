/**
 * `capability.unexpected-host-calls`: in strict mode every host call must be one the export being
 * run needs (a metadata call needs none but logging, configuring needs no WebSocket, stopping
 * publishes nothing), reach only the network targets the plugin declares, and use only connections
 * the host opened for it. Anything else is refused by the scripted host and reported here.
 */
import { extismInstance } from '../../profiles/extism/extism-instance.js';
import { wholeRun } from '../../profiles/extism/datasource-run.js';
import type { HostFinding } from '../../profiles/extism/datasource-host.js';
import { fail, pass } from '../../report/check-result.js';
import { defineRunCheck } from './define-run-check.js';

export default defineRunCheck({
  id: 'capability.unexpected-host-calls',
  title: 'Every host call is one the running export needs, inside the declared network targets',
  specRef: 'design "Strict by default" (an unexpected host-function call is a finding); seed 004 §4 (metadata dummies); seed-systems §5.3–5.4',
  async run(ctx) {
    // Every step runs (once per worker), so this check run alone sees the calls it sees after the others.
    const { metadata, fresh } = await wholeRun(ctx);
    const instance = await extismInstance(ctx);
    const findings: HostFinding[] = [
      ...(metadata.ok ? metadata.calls.flatMap((c) => c.findings) : []),
      ...(instance.host?.findings ?? []),
      ...(fresh.host?.findings ?? []),
    ].filter((f) => f.kind === 'unexpected');
    const total = (metadata.ok ? metadata.calls.reduce((n, c) => n + c.hostCalls.length, 0) : 0) + (instance.host?.trace.total ?? 0) + (fresh.host?.trace.total ?? 0);
    const targets = metadata.ok ? metadata.networkTargets : [];
    if (findings.length > 0) {
      return fail(findings.map((f) => `${f.import}: ${f.problem}`).join('; '), {
        findings,
        networkTargets: targets,
        fix: 'declare every host the plugin contacts in networkTargets (plugin_info) or resources.allowedNetworkTargets (meta), and call each host function only from the export that needs it',
      });
    }
    return pass(`${total} host calls, each needed by its export and inside the declared network targets`, { hostCalls: total, networkTargets: targets });
  },
});
