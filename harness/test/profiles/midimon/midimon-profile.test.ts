/**
 * The midimon profile as detection sees it: a midimon module matches it with its dialect, near
 * misses say exactly what differs, and Bifrost modules (which may also export `init`) stay Bifrost.
 */
import { describe, expect, it } from 'vitest';
import { describeNearMiss, detectProfile, scoreProfile } from '../../../src/profiles/detect-profile.js';
import type { ProfileScore } from '../../../src/profiles/detect-profile.js';
import { midimon } from '../../../src/profiles/midimon/index.js';
import { loadBundled } from '../../support/plugins.js';
import { compileWat } from '../../support/wat.js';

function module(functions: Record<string, string>): ReturnType<typeof compileWat> {
  const funcs = Object.entries(functions).map(([name, sig]) => `(func (export "${name}") ${sig} unreachable)`);
  return compileWat(`(module (memory (export "memory") 1) ${funcs.join('\n')})`);
}

const MIDIMON = { init: '(result i64)', execute: '(param i32 i32) (result i32)', alloc: '(param i32) (result i32)' };

function best(functions: Record<string, string>): ProfileScore {
  const detection = detectProfile(module(functions).info);
  if (detection.kind !== 'matched') throw new Error(`no profile matched: ${JSON.stringify(detection.nearest)}`);
  return detection.best;
}

describe('midimon detection', () => {
  it('matches init/execute/alloc with full score and reads the dialect', () => {
    const score = best({ ...MIDIMON, dealloc: '(param i32 i32)' });
    expect(score).toMatchObject({ profile: 'midimon', score: 1, entryPoints: ['execute'], missing: [], mistyped: [] });
    expect(score.dialect).toEqual({ dealloc: 'dealloc(ptr,size)', wasi: 'none', context: 'not-visible-statically' });
  });

  it('reports WASI use and a missing dealloc in the dialect', () => {
    const compiled = compileWat(`(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
      (memory (export "memory") 1)
      (func (export "init") (result i64) unreachable) (func (export "execute") (param i32 i32) (result i32) unreachable)
      (func (export "alloc") (param i32) (result i32) unreachable))`);
    expect(midimon.detectDialect(compiled.info)).toEqual({ dealloc: 'none', wasi: 'preview1', context: 'not-visible-statically' });
  });

  it('says exactly what differs when init returns i32 and alloc is missing', () => {
    const score = scoreProfile(midimon, module({ init: '(result i32)', execute: MIDIMON.execute }).info);
    expect(score.mistyped).toEqual([{ name: 'init', expected: ['() -> i64'], received: '() -> i32' }]);
    expect(score.missing).toEqual(['alloc']);
    expect(describeNearMiss(score)).toBe('exports `memory`, `execute` but it is missing alloc; `init` is () -> i32, expected () -> i64');
  });

  it('does not take a module without execute for a midimon plugin, and says why', () => {
    const detection = detectProfile(module({ init: MIDIMON.init, alloc: MIDIMON.alloc }).info);
    expect(detection.kind).toBe('none');
    const score = detection.candidates.find((c) => c.profile === 'midimon');
    // init and alloc matched, execute missing; the exported memory does not count.
    expect(score?.score).toBe(0.667);
    expect(describeNearMiss(score as ProfileScore)).toBe(
      'exports `memory`, `init`, `alloc` but it is missing execute; it exports none of the entry points and imports none of the host functions',
    );
  });

  it('keeps Bifrost plugins Bifrost: their init(cfg, len) is mistyped for midimon and they lack execute and alloc', () => {
    for (const name of ['bifrost-v2-good-c', 'bifrost-v2-good-wat', 'bifrost-v1-good']) {
      const info = loadBundled(name).info;
      const detection = detectProfile(info);
      expect(detection.kind === 'matched' && detection.best.profile).toMatch(/^bifrost-v/);
      const score = scoreProfile(midimon, info);
      expect(score.entryPoints).toEqual([]);
      expect(score.missing).toEqual(['execute', 'alloc']);
    }
  });

  it('keeps midimon plugins midimon although Bifrost also knows an `init`', () => {
    const info = loadBundled('midimon-good-c').info;
    const detection = detectProfile(info);
    expect(detection.kind === 'matched' && detection.best.profile).toBe('midimon');
    for (const candidate of detection.candidates.filter((c) => c.profile.startsWith('bifrost'))) {
      expect(candidate.mistyped.map((m) => m.name)).toEqual(['init']);
      expect(candidate.entryPoints).toEqual([]);
    }
  });
});
