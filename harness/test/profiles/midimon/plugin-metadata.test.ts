/**
 * readMetadata judges `init`'s text the way serde_json into conductor-core's PluginMetadata would.
 */
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../../src/profiles/midimon/plugin-metadata.js';
import type { MetadataVerdict } from '../../../src/profiles/midimon/plugin-metadata.js';
import { VALID_METADATA } from './midimon-wat.js';

const SEED_EXAMPLE = {
  name: 'My Plugin',
  version: '1.0.0',
  description: 'Example WASM plugin',
  author: 'Your Name',
  actions: ['action1', 'action2'],
  capabilities: ['filesystem', 'network'],
};

function problems(verdict: MetadataVerdict): readonly string[] {
  if (verdict.ok) throw new Error('expected the metadata to be rejected');
  return verdict.problems;
}

describe('readMetadata', () => {
  it('accepts metadata with every required field, and keeps the plugin\'s own actions', () => {
    const verdict = readMetadata(JSON.stringify({ ...VALID_METADATA, capabilities: ['midi', 'filesystem'], homepage: null, extra: 1 }));
    expect(verdict).toEqual({
      ok: true,
      notes: [],
      metadata: { name: 'test-plugin', version: '1.0.0', description: 'a test plugin', author: 'plugcheck', license: 'MIT', type: 'action', capabilities: ['midi', 'filesystem'], actions: ['my_action'] },
    });
  });

  it('defaults a missing capabilities list to none, as #[serde(default)] does', () => {
    const { capabilities: _, ...rest } = VALID_METADATA;
    const verdict = readMetadata(`  ${JSON.stringify(rest)}\n`);
    expect(verdict.ok && verdict.metadata.capabilities).toEqual([]);
  });

  it("rejects the seed's own example for its missing license and type, and recognises it as the seed's", () => {
    const verdict = readMetadata(JSON.stringify(SEED_EXAMPLE));
    expect(verdict).toMatchObject({ ok: false, seedExample: true });
    expect(problems(verdict)).toEqual(['`license` is missing', '`type` is missing (expected "action" or "trigger")']);
  });

  it('names every wrong field: a number for a string, an unknown type, a capability outside the enum, null capabilities', () => {
    expect(problems(readMetadata(JSON.stringify({ ...VALID_METADATA, version: 1, type: 'Action', capabilities: ['camera', 'midi'] })))).toEqual([
      '`version` is a number, expected a string',
      '`type` is "Action", expected "action" or "trigger"',
      'capability "camera" is not one the host knows (network, filesystem, audio, midi, subprocess, systemcontrol)',
    ]);
    expect(problems(readMetadata(JSON.stringify({ ...VALID_METADATA, capabilities: null })))[0]).toMatch(/^`capabilities` is null, expected an array/);
  });

  it('rejects text that is not exactly one JSON object: trailing bytes, NUL padding, an array', () => {
    const valid = JSON.stringify(VALID_METADATA);
    expect(problems(readMetadata(`${valid}x`))[0]).toMatch(/^the metadata is not one JSON document/);
    expect(problems(readMetadata(`${valid}\u0000`))[0]).toMatch(/^the metadata is not one JSON document/);
    expect(problems(readMetadata('[]'))).toEqual(['the metadata is an array, expected a JSON object']);
    expect(readMetadata('')).toMatchObject({ ok: false, seedExample: false });
  });

  it('notes an actions field that is not a list of names, and leaves the actions unknown', () => {
    const verdict = readMetadata(JSON.stringify({ ...VALID_METADATA, actions: 'play' }));
    expect(verdict.ok && verdict.metadata.actions).toBeUndefined();
    expect(verdict.ok && verdict.notes[0]).toMatch(/^`actions` is a string rather than a non-empty list of names/);
  });
});
