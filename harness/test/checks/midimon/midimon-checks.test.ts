/**
 * The midimon checks on small WAT plugins, run directly on a check context (no worker): the cases
 * the bundled faulty plugins do not cover, and the wording of their verdicts.
 */
import { describe, expect, it } from 'vitest';
import allocInBounds from '../../../src/checks/midimon/alloc-in-bounds.js';
import allocNonNull from '../../../src/checks/midimon/alloc-non-null.js';
import execute from '../../../src/checks/midimon/execute.js';
import filesystemCapability from '../../../src/checks/midimon/filesystem-capability.js';
import instantiate from '../../../src/checks/midimon/instantiate.js';
import metadata from '../../../src/checks/midimon/metadata.js';
import noStateFromInit from '../../../src/checks/midimon/no-state-from-init.js';
import type { CheckDefinition } from '../../../src/checks/check-definition.js';
import { midimon } from '../../../src/profiles/midimon/index.js';
import type { CheckOutcome } from '../../../src/report/check-result.js';
import { contextFor } from '../../support/plugins.js';
import { midimonModule, PATH_OPEN_IMPORT, pathOpen, VALID_METADATA } from '../../profiles/midimon/midimon-wat.js';
import type { MidimonWatParts } from '../../profiles/midimon/midimon-wat.js';

async function run(check: CheckDefinition, parts: MidimonWatParts = {}): Promise<CheckOutcome> {
  return check.run(contextFor(midimonModule(parts), { profile: midimon }));
}

const evidenceOf = (outcome: CheckOutcome) => ('evidence' in outcome ? (outcome.evidence ?? {}) : {});
const PRESTAT_IMPORT = '(import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))';

describe('midimon checks on a conforming plugin', () => {
  it('every check passes', async () => {
    for (const check of [instantiate, metadata, allocNonNull, allocInBounds, execute, noStateFromInit, filesystemCapability]) {
      expect((await run(check)).status, check.id).toBe('passed');
    }
  });

  it('apply to midimon only, and every check that calls execute waits for the metadata', () => {
    for (const check of [execute, noStateFromInit, filesystemCapability]) expect(check.dependsOn).toEqual(['lifecycle.metadata']);
    for (const check of [instantiate, metadata, allocNonNull, allocInBounds, execute]) expect(check.appliesTo).toEqual(['midimon']);
  });
});

describe('lifecycle.instantiate (midimon)', () => {
  it('reports the memory the fresh instance has against the host cap', async () => {
    const outcome = await run(instantiate);
    expect(outcome).toMatchObject({ status: 'passed', evidence: { pages: 1, memoryCapPages: 2048, initialize: false } });
  });
});

describe('lifecycle.metadata', () => {
  it('fails an init that traps, naming the step', async () => {
    const outcome = await run(metadata, { initPrelude: 'unreachable' });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('`init` trapped (unreachable) during `init`: unreachable');
  });

  it('names an unknown capability and does not blame the seed for it', async () => {
    const outcome = await run(metadata, { metadata: JSON.stringify({ ...VALID_METADATA, capabilities: ['camera'] }) });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('capability "camera" is not one the host knows');
    expect(outcome.message).not.toContain('seed');
  });

  it("says the seed's example is incomplete when the metadata copies it", async () => {
    const { license: _l, type: _t, ...seedLike } = VALID_METADATA;
    const outcome = await run(metadata, { metadata: JSON.stringify(seedLike) });
    expect(outcome.message).toContain("The seed's own example metadata (seed 002 §Metadata Format) is incomplete");
    expect(evidenceOf(outcome)).toMatchObject({ seedExample: true, requiredBy: 'conductor-core/src/plugin/metadata.rs' });
  });
});

describe('alloc.* on an allocator that traps', () => {
  it('fails both checks: the host cannot write the request at all', async () => {
    for (const check of [allocNonNull, allocInBounds]) {
      const outcome = await run(check, { alloc: 'unreachable' });
      expect(outcome.status).toBe('failed');
      expect(outcome.message).toMatch(/^`alloc` trapped \(unreachable\) during `alloc`/);
    }
  });
});

describe('lifecycle.execute', () => {
  it("calls each of the metadata's actions with both context shapes", async () => {
    const outcome = await run(execute, { metadata: JSON.stringify({ ...VALID_METADATA, actions: ['play', 'stop'] }) });
    expect(outcome.message).toBe('4 calls returned 0 (actions play, stop; both context shapes), each in a fresh instance');
  });

  it("calls the seed's my_action when the metadata lists no actions", async () => {
    const { actions: _, ...noActions } = VALID_METADATA;
    const outcome = await run(execute, { metadata: JSON.stringify(noActions) });
    expect(outcome.message).toBe('2 calls returned 0 (actions my_action; both context shapes), each in a fresh instance');
  });

  it("tells a plugin that rejects only the seed's context which shape it accepts", async () => {
    // the seed's request is the longer one (146 bytes against 95)
    const outcome = await run(execute, { execute: '(if (result i32) (i32.gt_u (local.get $len) (i32.const 120)) (then (i32.const 2)) (else (i32.const 0)))' });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain("returned 2 (the input is not the expected JSON), expected 0. The plugin accepts the real host's context but not the seed's");
  });

  it('names a negative status as outside the documented range', async () => {
    const outcome = await run(execute, { execute: '(i32.const -1)' });
    expect(outcome.message).toContain('returned -1 (outside the documented range), expected 0');
  });
});

describe('lifecycle.no-state-from-init', () => {
  it('passes a plugin whose execute fails the same with or without init, and points to lifecycle.execute', async () => {
    const outcome = await run(noStateFromInit, { execute: '(i32.const 3)' });
    expect(outcome.status).toBe('passed');
    expect(outcome.message).toBe('the 2 `execute` calls that fail in a fresh instance fail the same after `init`: no dependency on its state (lifecycle.execute has their cause)');
  });
});

describe('capability.filesystem', () => {
  it('flags preopen discovery made during a call: a lazy libc resolving a path with no directory granted', async () => {
    const outcome = await run(filesystemCapability, { imports: PRESTAT_IMPORT, execute: '(drop (call $prestat (i32.const 3) (i32.const 900))) (i32.const 0)' });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('fd_prestat_get (errno 8 EBADF) during execute my_action (seed-context)');
  });

  it('ignores preopen discovery at start-up, which every eager wasi-libc makes', async () => {
    const outcome = await run(filesystemCapability, { imports: PRESTAT_IMPORT, extra: '(func (export "_initialize") (drop (call $prestat (i32.const 3) (i32.const 900))))' });
    expect(outcome).toEqual({ status: 'passed', message: 'no file access, and `filesystem` is not declared' });
  });

  it('counts file access in init too', async () => {
    const outcome = await run(filesystemCapability, { imports: PATH_OPEN_IMPORT, extra: '(data (i32.const 800) "x")', initPrelude: `(drop ${pathOpen(800, 1)})` });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('path_open (errno 8 EBADF) during init');
  });

  it('passes a plugin that declares filesystem and lists the files it left in the plugin-data directory', async () => {
    const outcome = await run(filesystemCapability, {
      metadata: JSON.stringify({ ...VALID_METADATA, capabilities: ['filesystem'] }),
      imports: PATH_OPEN_IMPORT,
      extra: '(data (i32.const 800) "state.json")',
      execute: pathOpen(800, 10),
    });
    expect(outcome).toMatchObject({ status: 'passed', evidence: { files: ['state.json'] } });
    expect(outcome.message).toBe('declares `filesystem`; 2 file calls went to the plugin-data directory preopened at /');
  });
});

describe('checks that need loaded metadata, run alone (--only)', () => {
  it('fail with a pointer to lifecycle.metadata when the host would not load the plugin', async () => {
    const outcome = await run(execute, { metadata: '{}' });
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('the host would not load this plugin: `init` gave no metadata it accepts (run lifecycle.metadata for the reason)');
  });
});

describe('lifecycle.metadata on unreadable metadata', () => {
  it('fails a packed pointer past the end of memory with the host\'s own words', async () => {
    const outcome = await run(metadata, { initPrelude: '(return (i64.const 0x0001000000000010))' });
    expect(outcome.message).toBe('`init` returned ptr=65536 len=16, past the end of memory (65536 bytes); the host fails with "Memory read failed"');
  });
});
