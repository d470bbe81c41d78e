/**
 * `lifecycle.metadata`: `init()` in a fresh instance returns packed (ptr << 32 | len) metadata
 * JSON that lies inside memory, is strict UTF-8, and carries every field the real host's
 * `PluginMetadata` requires: name, version, description, author, license, `type` of action or
 * trigger, and capabilities only from its enum. The host refuses to load a plugin otherwise.
 */
import { describeMidimonFailure, midimonFailureEvidence } from '../../profiles/midimon/describe-midimon-call.js';
import { metadataLoad, midimonProfile } from '../../profiles/midimon/midimon-session.js';
import { METADATA_SOURCE } from '../../profiles/midimon/plugin-metadata.js';
import { fail, pass } from '../../report/check-result.js';
import { defineCheck } from '../check-definition.js';

const MAX_EVIDENCE_CHARS = 2048;

const SEED_EXAMPLE_NOTE =
  "The seed's own example metadata (seed 002 §Metadata Format) is incomplete: it lacks `license` and `type`, so a plugin copying it fails to load in the real host.";

export default defineCheck({
  id: 'lifecycle.metadata',
  title: '`init` returns the metadata JSON the host requires',
  specRef: `seed 002 §init() -> u64 and §Metadata Format; seed-systems §3.3 (${METADATA_SOURCE}); spec-decisions "midimon"`,
  appliesTo: ['midimon'],
  dependsOn: ['lifecycle.instantiate'],
  run(ctx) {
    midimonProfile(ctx);
    const { init, verdict } = metadataLoad(ctx);
    if (verdict === undefined) {
      return fail(describeMidimonFailure(init, '`init`'), {
        ...midimonFailureEvidence(init),
        fix: 'return ((ptr as u64) << 32) | len of the metadata JSON, which must stay in memory',
      });
    }
    const text = init.text.length > MAX_EVIDENCE_CHARS ? `${init.text.slice(0, MAX_EVIDENCE_CHARS)}… (${init.text.length} chars)` : init.text;
    if (!verdict.ok) {
      const seedNote = verdict.seedExample ? ` ${SEED_EXAMPLE_NOTE}` : '';
      return fail(`the host rejects this metadata as "Invalid metadata": ${verdict.problems.join('; ')}.${seedNote}`, {
        metadata: text,
        ptr: init.ptr,
        len: init.len,
        problems: verdict.problems,
        seedExample: verdict.seedExample,
        requiredBy: METADATA_SOURCE,
        fix: verdict.fix,
      });
    }
    const { metadata, notes } = verdict;
    const capabilities = metadata.capabilities.length === 0 ? 'none' : metadata.capabilities.join(', ');
    return pass(`"${metadata.name}" ${metadata.version}, type ${metadata.type}, capabilities ${capabilities}`, {
      metadata: text,
      ptr: init.ptr,
      len: init.len,
      actions: metadata.actions ?? null,
      notes,
    });
  },
});
