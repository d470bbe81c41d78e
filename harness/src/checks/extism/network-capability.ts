/**
 * `capability.network`: a data-source plugin reaches only the hosts the operator allows. Every
 * `http_request` and `ws_connect` is judged against the run's network allow-list (the
 * `networkAllowList` run option, else the Extism manifest's `allowed_hosts`, else the mock host's
 * fixture hosts: profiles/extism/network-allow-list.ts); a request elsewhere is denied by the host,
 * as Extism denies a host outside `allowed_hosts`, and reported with the export that made it, the
 * host call and the URL, whether or not the plugin declared the host itself.
 */
import { networkAllowList } from '../../profiles/extism/network-allow-list.js';
import { extismInstance } from '../../profiles/extism/extism-instance.js';
import { wholeRun } from '../../profiles/extism/datasource-run.js';
import { fail, pass } from '../../report/check-result.js';
import { defineRunCheck } from './define-run-check.js';

export default defineRunCheck({
  id: 'capability.network',
  title: 'Network calls go only to hosts on the allow-list',
  specRef: 'design "Strict by default" (calls to hosts not allowed by config are denied and reported); seed-systems §5.3 (http_request, ws_connect payloads), §5.5 (Extism manifest allowed_hosts)',
  async run(ctx) {
    const { fresh } = await wholeRun(ctx);
    const instance = await extismInstance(ctx);
    const allowList = networkAllowList(ctx);
    const hosts = [instance.host, fresh.host].filter((h) => h !== undefined);
    const denied = hosts.flatMap((h) => h.findings).filter((f) => f.kind === 'network');
    const requests = hosts.flatMap((h) => h.trace.calls).filter((c) => /\.(http_request|ws_connect)$/.test(c.import)).length;
    const evidence = { allowList: allowList.hosts, allowListSource: allowList.source, networkCalls: requests };
    if (denied.length > 0) {
      // The same request on the shared and the fresh instance is one finding, counted.
      const counted = new Map<string, number>();
      for (const f of denied) {
        const line = `\`${f.during}\` called ${f.import} for ${f.denied ?? '?'}: denied, ${f.problem}`;
        counted.set(line, (counted.get(line) ?? 0) + 1);
      }
      return fail(
        [...counted].map(([line, n]) => (n > 1 ? `${line} (${n} times)` : line)).join('; '),
        {
          ...evidence,
          denied: denied.map((f) => ({ hook: f.during, hostCall: f.import, denied: f.denied, problem: f.problem })),
          fix: 'reach only the hosts the operator allows (the Extism manifest\'s allowed_hosts, or plugcheck\'s networkAllowList option), or ask for the host to be allowed',
        },
      );
    }
    return pass(`${requests} network calls, each to a host on the allow-list (${allowList.hosts.join(', ')}; ${allowList.source})`, evidence);
  },
});
