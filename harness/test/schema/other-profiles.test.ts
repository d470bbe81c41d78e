/**
 * The schemas of midimon, frankenterm and extism-datasource: each hook and host function has both
 * sides (or the reason one is missing is that the seed gives it none), the documents plugcheck
 * sends fit them in their dialect, the scripted host's own answers fit the response schemas, and
 * midimon's metadata schema agrees with lifecycle.metadata, which owns that rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, HOST_TIME, HTTP_DEFAULT, HTTP_FIXTURES, streamKey, UNKNOWN_COMMAND } from '../../src/profiles/extism/datasource-fixtures.js';
import { DATASOURCE_FUNCTIONS } from '../../src/profiles/extism/datasource-profile.js';
import { HOST_CONTEXT, requestJson, SEED_CONTEXT } from '../../src/profiles/midimon/fixtures.js';
import { readMetadata } from '../../src/profiles/midimon/plugin-metadata.js';
import type { ProfileId } from '../../src/profiles/profile.js';
import { schemasDir } from '../../src/schema/schema-files.js';
import { requireHookSchema } from '../../src/schema/validated-hook-call.js';

const both = (profile: ProfileId, hooks: readonly string[]) => hooks.map((hook) => [profile, hook, ['input', 'output']] as const);

// Documents with one side only: midimon init, the metadata exports, get_rate_limits,
// get_configuration_fields and generation B's get_name, get_credential_fields, list_markets and
// get_timeframes take no input; configure() and _start take none either.
const SIDES = [
  ['midimon', 'init', ['output']],
  ...both('midimon', ['execute']),
  ['frankenterm', 'configure', ['output']],
  ['frankenterm', '_start', ['output']],
  ...both('frankenterm', ['ft_log', 'ft_get_env', 'ft_return_buffer_read']),
  ['extism-datasource', 'plugin_info', ['output']],
  ['extism-datasource', 'meta', ['output']],
  ...both('extism-datasource', ['plugin_configure', 'start_stream', 'stop_stream', 'init', 'handle_command', ...DATASOURCE_FUNCTIONS]),
  // The current generation's other exports with a documented payload (seed-systems §5.4); the
  // generation-B discovery exports as woox main.go@d48c16be writes them (only get_ohlcv reads
  // input); shutdown carries none.
  ['extism-datasource', 'get_credential_fields', ['output']],
  ['extism-datasource', 'get_name', ['output']],
  ['extism-datasource', 'list_markets', ['output']],
  ['extism-datasource', 'get_timeframes', ['output']],
  ...both('extism-datasource', ['get_ohlcv']),
  ['extism-datasource', 'get_rate_limits', ['output']],
  ['extism-datasource', 'get_configuration_fields', ['output']],
  ...both('extism-datasource', ['handle_stream_message', 'handle_connection_event']),
] as const;

describe('every hook and host function has its schemas', () => {
  for (const [profile, hook, directions] of SIDES) {
    for (const direction of directions) {
      it(`${profile} ${hook} ${direction}`, () => {
        expect(requireHookSchema(profile, hook, direction).file).toBe(`${profile}/${hook}.${direction}.schema.json`);
      });
    }
  }
});

describe('midimon', () => {
  it('each context fixture fits exactly its dialect', () => {
    const schema = requireHookSchema('midimon', 'execute', 'input');
    expect(schema.fits(JSON.parse(requestJson('my_action', SEED_CONTEXT)))).toEqual(['seed-context']);
    expect(schema.fits(JSON.parse(requestJson('my_action', HOST_CONTEXT)))).toEqual(['host-context']);
  });
  it('init.output agrees with lifecycle.metadata on every committed case', () => {
    const schema = requireHookSchema('midimon', 'init', 'output');
    const cases = JSON.parse(readFileSync(join(schemasDir(), 'tests', 'midimon', 'init.output.json'), 'utf8')) as { description: string; data: unknown }[];
    for (const c of cases) expect(readMetadata(JSON.stringify(c.data)).ok, c.description).toBe(schema.check(c.data).ok);
  });
});

describe('extism-datasource', () => {
  it('the documents the host sends fit their input schemas', () => {
    expect(requireHookSchema('extism-datasource', 'plugin_configure', 'input').check(CONFIG).ok).toBe(true);
    expect(requireHookSchema('extism-datasource', 'init', 'input').check(CONFIG).ok).toBe(true);
    for (const hook of ['start_stream', 'stop_stream']) {
      expect(requireHookSchema('extism-datasource', hook, 'input').check(streamKey('woox', ['ohlcv'])).ok).toBe(true);
    }
    expect(requireHookSchema('extism-datasource', 'handle_command', 'input').check(UNKNOWN_COMMAND).ok).toBe(true);
  });
  it("the scripted host's canned answers fit the response schemas", () => {
    const http = requireHookSchema('extism-datasource', 'http_request', 'output');
    for (const response of [HTTP_DEFAULT, ...HTTP_FIXTURES.map((f) => f.response)]) expect(http.check(response).ok).toBe(true);
    expect(requireHookSchema('extism-datasource', 'time_now', 'output').check(HOST_TIME).ok).toBe(true);
  });
});
