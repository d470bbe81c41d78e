/**
 * `lifecycle.metadata`: the metadata call succeeds with every import stubbed, as the real host makes
 * it (seed 004 §4: dummy functions returning 0; plusev-cli stubs every `extism:host/user` import):
 * `plugin_info` and/or `meta` return rc 0 without an error and output the documented document.
 * It does not depend on `abi.imports-provided`: stubbing every import is what the real host does
 * here, so an import no real host provides is reported by that check while this one still runs.
 */
import { META_SHAPE, PLUGIN_INFO_SHAPE } from '../../profiles/extism/datasource-fixtures.js';
import { metadataStep } from '../../profiles/extism/datasource-run.js';
import { callEvidence, describeCall } from '../../profiles/extism/describe-extism-call.js';
import { readShaped } from '../../profiles/extism/json-shape.js';
import type { ExtismCall } from '../../profiles/extism/extism-session.js';
import { fail, pass, skip } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

// go-playground validator's `semver`, which go-plugin-common's Meta.Version is validated with.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function problemsOf(call: ExtismCall): string[] {
  const name = call.export;
  if (call.kind === 'trapped' || call.error !== null || (call.rc !== undefined && call.rc !== 0) || call.output?.text == null) {
    return [`\`${name}\` ${describeCall(call)}; expected rc 0 and a JSON document`];
  }
  const read = readShaped(call.output.text, name === 'plugin_info' ? PLUGIN_INFO_SHAPE : META_SHAPE);
  if (!read.ok) return read.problems.map((p) => `\`${name}\` output: ${p}`);
  const doc = read.value;
  if (name === 'plugin_info') {
    return doc['type'] === 'datasource' ? [] : [`\`plugin_info\` output: \`type\` is ${JSON.stringify(doc['type'])}, expected "datasource"`];
  }
  const empty = ['pluginId', 'name', 'appId'].filter((f) => doc[f] === '').map((f) => `\`meta\` output: \`${f}\` is empty (required)`);
  const version = SEMVER.test(String(doc['version'])) ? [] : [`\`meta\` output: \`version\` ${JSON.stringify(doc['version'])} is not semver`];
  return [...empty, ...version];
}

export default defineCheck({
  id: 'lifecycle.metadata',
  title: 'The metadata call succeeds with every import stubbed',
  specRef: 'seed 004 §4 (dummy host functions for metadata calls), §How It Works Now (plugin_info); seed-systems §5.4–5.5; spec-decisions "extism-datasource"',
  appliesTo: ['extism-datasource'],
  dependsOn: ['abi.compiles'],
  async run(ctx) {
    const step = await metadataStep(ctx);
    if (!step.ok) {
      return fail(`with every import stubbed, the plugin did not load (${step.trap.kind}): ${step.trap.message}`, {
        trap: step.trap,
        stubbed: step.stubbed,
        fix: 'the real host loads the plugin with dummy host functions to read its metadata: instantiation must not depend on them',
      });
    }
    if (step.calls.length === 0) return skip('the plugin exports neither plugin_info nor meta (abi.required-exports reports it)');
    const problems = step.calls.flatMap((c) => problemsOf(c.call));
    const evidence = { calls: step.calls.map(callEvidence), stubbed: step.stubbed };
    if (problems.length > 0) {
      return fail(problems.join('; '), {
        ...evidence,
        fix: 'return 0 from the metadata export and output {name, version, author, type:"datasource", description, streamTypes, networkTargets} (plugin_info) or a Meta with pluginId, name, appId and a semver version (meta)',
      });
    }
    const names = step.calls.map((c) => c.call.export).join(' and ');
    return pass(`${names} answered with every import stubbed ("${step.name}", ${step.networkTargets.length} network targets)`, {
      ...evidence,
      networkTargets: step.networkTargets,
      streamTypes: step.streamTypes,
    });
  },
});
