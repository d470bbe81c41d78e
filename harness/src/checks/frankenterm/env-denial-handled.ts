/**
 * `capability.env-denial-handled`: an `ft_get_env` that returns -1 (the key is outside the
 * manifest's `[permissions].environment` allow-list, or unset) is not used as if it had
 * succeeded. The host's return buffer is not cleared by a failed read, so a plugin that reads it
 * anyway gets whatever an earlier read left there: another variable's value, possibly a secret
 * (spec-decisions "frankenterm"). Every read and every denial is in the evidence.
 */
import { runLabel } from '../../profiles/frankenterm/describe-run.js';
import { entryPointRuns } from '../../profiles/frankenterm/entry-point-runs.js';
import type { EnvRead } from '../../profiles/frankenterm/frankenterm-host.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

function why(read: EnvRead, allowList: readonly string[]): string {
  const key = read.key === null ? 'an unreadable key' : JSON.stringify(read.key);
  const reason =
    read.outcome === 'denied'
      ? `denied: not in [permissions].environment = ${JSON.stringify(allowList)}`
      : read.outcome === 'unset'
        ? 'allowed but not set'
        : 'the key could not be read';
  return `ft_get_env(${key}) returned -1 (${reason})`;
}

export default defineCheck({
  id: 'capability.env-denial-handled',
  title: 'A denied or failed `ft_get_env` (-1) is not used as if it had succeeded',
  specRef: 'seed 003 §Host function ABI (ft_get_env "-1 if not set / denied"); seed-systems §4.2, §4.4 (allow-list, trailing *); spec-decisions "frankenterm"',
  appliesTo: ['frankenterm'],
  dependsOn: ['lifecycle.entry-points-run'],
  run(ctx) {
    const { plan, runs } = entryPointRuns(ctx);
    const allowList = plan.kind === 'extension' ? plan.manifest.environment : [];
    const reads = runs.flatMap((r) => r.host.envReads.map((read) => ({ entry: r.entry, ...read })));
    // Every read the allow-list refused, by the hook that made it: denied by the host, reported here
    // (a denial the plugin handles is allowed; one it misuses fails below).
    const deniedReads = runs.flatMap((r) =>
      r.host.envReads.filter((read) => read.outcome === 'denied').map((read) => ({ hook: runLabel(r).replaceAll('`', ''), hostCall: 'ft_get_env', denied: read.key })),
    );
    const evidence = { allowList, reads, denied: deniedReads };
    const misuses = runs.flatMap((r) =>
      r.host.readsAfterFailedEnv.map((m) => ({ run: r, ...m, loggedAfter: r.host.logs.slice(m.logIndex, m.logIndex + 3).map((l) => l.text) })),
    );
    const first = misuses[0];
    if (first !== undefined) {
      const message = misuses
        .map((m) => {
          const stale = m.staleBytes > 0 ? `; the return buffer still held ${m.staleBytes} bytes from an earlier read` : '';
          const logged = m.loggedAfter.length > 0 ? `; the plugin then logged ${JSON.stringify(m.loggedAfter[0])}` : '';
          return `${runLabel(m.run)} called ft_return_buffer_read(${m.outPtr}, ${m.outLen}) → ${m.returned} after ${why(m.failedRead, allowList)}${stale}${logged}`;
        })
        .join('; ');
      return fail(message, {
        ...evidence,
        misuses: misuses.map(({ run, ...m }) => ({ entry: run.entry, events: run.events, ...m })),
        fix: 'check what ft_get_env returns: a negative value means denied or unset, so skip ft_return_buffer_read and fall back; add the variable to [permissions].environment if the extension needs it',
      });
    }
    if (reads.length === 0) return pass('the plugin reads no environment variable', evidence);
    const count = (outcome: EnvRead['outcome']) => reads.filter((r) => r.outcome === outcome);
    const denied = count('denied').map((r) => r.key);
    return pass(
      `${reads.length} ft_get_env calls: ${count('value').length} answered, ${denied.length} denied${denied.length > 0 ? ` (${denied.join(', ')}: not in the allow-list)` : ''}, ${count('unset').length} unset; every -1 was handled`,
      evidence,
    );
  },
});
