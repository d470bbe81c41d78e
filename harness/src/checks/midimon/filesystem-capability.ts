/**
 * `capability.filesystem`: a plugin touches files only when its metadata declares the
 * `filesystem` capability. The real host preopens the plugin-data directory at guest `/` for such
 * plugins and gives the others no directory at all (seed 002 §Available Capabilities;
 * seed-systems §3.4); plugcheck's sandbox does the same in memory, so an undeclared access fails
 * with a WASI errno, and this check reports each denied call from the trace.
 */
import { executeRuns, metadataLoad } from '../../profiles/midimon/midimon-session.js';
import { WASI_PREVIEW1 } from '../../profiles/wasi-preview1.js';
import { isFileAccess, wasiOutcome } from '../capability/wasi-access.js';
import { fail, pass } from '../../report/check-result.js';
import { defineMidimonCheck } from './define-midimon-check.js';

export default defineMidimonCheck({
  id: 'capability.filesystem',
  title: 'Files are touched only with the `filesystem` capability declared',
  specRef: 'seed 002 §Available Capabilities and §Capabilities; seed-systems §3.4 (Capability::Filesystem preopens plugin-data at /)',
  run({ ctx, caller, metadata }) {
    const { init } = metadataLoad(ctx);
    const phases = [{ phase: 'init', record: init }, ...executeRuns(ctx, metadata).map((r) => ({ phase: `execute ${r.action} (${r.fixture.id})`, record: r.call }))];
    const fileCalls = phases.flatMap(({ phase, record }) =>
      record.hostCalls
        .filter((c, index) => isFileAccess(c, index >= record.startupCalls))
        .map((c) => ({ phase, import: c.import.slice(WASI_PREVIEW1.length + 1), args: c.args, outcome: wasiOutcome(c) })),
    );
    const declared = metadata.capabilities.includes('filesystem');
    if (declared) {
      return pass(`declares \`filesystem\`; ${fileCalls.length} file calls went to the plugin-data directory preopened at /`, {
        files: [...caller.dataDirectory.contents.keys()],
        fileCalls: fileCalls.slice(0, 20),
      });
    }
    if (fileCalls.length === 0) return pass('no file access, and `filesystem` is not declared');
    const summary = fileCalls.slice(0, 5).map((c) => `${c.import} (${c.outcome}) during ${c.phase}`).join(', ');
    return fail(
      `the plugin accessed files without declaring the \`filesystem\` capability: ${fileCalls.length} file calls, e.g. ${summary}; no directory is granted, so each was denied. The real host preopens the plugin-data directory only for plugins that declare \`filesystem\``,
      {
        capabilities: metadata.capabilities,
        fileCalls: fileCalls.slice(0, 20),
        fix: 'add "filesystem" to the metadata capabilities (and to the registry manifest), or stop touching files',
      },
    );
  },
});
