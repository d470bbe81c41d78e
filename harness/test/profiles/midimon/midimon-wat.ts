/**
 * Test helper: a midimon plugin as WAT, from parts, so each test states only what it changes.
 * The default is a conforming plugin: valid metadata at 16 (action `my_action`, no capabilities),
 * a bump `alloc` from 1024 that grows memory, and an `execute` that returns 0.
 */
import { compileWat } from '../../support/wat.js';
import type { CompiledWat } from '../../support/wat.js';

/** Metadata with every field the real host requires. */
export const VALID_METADATA = {
  name: 'test-plugin',
  version: '1.0.0',
  description: 'a test plugin',
  author: 'plugcheck',
  license: 'MIT',
  type: 'action',
  actions: ['my_action'],
  capabilities: [] as string[],
};

/** The parts of a midimon test plugin; each replaces the default. */
export interface MidimonWatParts {
  /** The metadata text `init` returns (JSON.stringify of {@link VALID_METADATA} by default). */
  readonly metadata?: string;
  /** Import declarations, placed before the memory. */
  readonly imports?: string;
  /** Module fields added at the end (globals, data, helper functions, `_initialize`). */
  readonly extra?: string;
  /** Instructions run by `init` before it returns the metadata. */
  readonly initPrelude?: string;
  /** The body of `alloc (param $size i32) (result i32)`. */
  readonly alloc?: string;
  /** The body of `execute (param $ptr i32) (param $len i32) (result i32)`. */
  readonly execute?: string;
}

const BUMP_ALLOC = `
    (local $ptr i32)
    (local.set $ptr (global.get $top))
    (global.set $top (i32.and (i32.add (i32.add (local.get $ptr) (local.get $size)) (i32.const 8)) (i32.const -8)))
    (if (i32.gt_u (global.get $top) (i32.shl (memory.size) (i32.const 16)))
      (then (drop (memory.grow (i32.add (i32.shr_u (i32.sub (global.get $top) (i32.shl (memory.size) (i32.const 16))) (i32.const 16)) (i32.const 1))))))
    (local.get $ptr)`;

const watString = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** The WAT text of a midimon test plugin. */
export function midimonWat(parts: MidimonWatParts = {}): string {
  const metadata = parts.metadata ?? JSON.stringify(VALID_METADATA);
  return `(module
    ${parts.imports ?? ''}
    (memory (export "memory") 1)
    (data (i32.const 16) "${watString(metadata)}")
    (global $top (mut i32) (i32.const 1024))
    (func (export "init") (result i64)
      ${parts.initPrelude ?? ''}
      (i64.or (i64.shl (i64.const 16) (i64.const 32)) (i64.const ${Buffer.byteLength(metadata, 'utf8')})))
    (func (export "alloc") (param $size i32) (result i32) ${parts.alloc ?? BUMP_ALLOC})
    (func (export "execute") (param $ptr i32) (param $len i32) (result i32) ${parts.execute ?? '(i32.const 0)'})
    ${parts.extra ?? ''})`;
}

/** A compiled midimon test plugin. */
export function midimonModule(parts: MidimonWatParts = {}): CompiledWat {
  return compileWat(midimonWat(parts));
}

/** WASI `path_open` as a WAT import, named `$path_open`. */
export const PATH_OPEN_IMPORT =
  '(import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))';

/** Opens (creating) the file named by the `len` bytes at `ptr` under fd 3; leaves the errno, the new fd at 900. */
export const pathOpen = (ptr: number, len: number) =>
  `(call $path_open (i32.const 3) (i32.const 0) (i32.const ${ptr}) (i32.const ${len}) (i32.const 1) (i64.const 64) (i64.const 0) (i32.const 0) (i32.const 900))`;
