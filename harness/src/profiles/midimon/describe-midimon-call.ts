/**
 * Words for midimon calls, shared by every midimon check: what a status code means and what
 * stopped a call, so a trap or a bad pointer reads the same wherever it shows up.
 */
import type { MidimonFailure, MidimonStep } from './midimon-caller.js';

/** The documented meaning of an `execute` status (seed 002 §execute; WASM_PLUGIN_QUICK_REFERENCE.md). */
export function statusMeaning(code: number): string {
  if (code === 0) return 'success';
  if (code === 1) return 'memory read error';
  if (code === 2) return 'the input is not the expected JSON';
  if (code === 3) return 'the action failed';
  if (code >= 4) return 'a plugin-defined error';
  return 'outside the documented range';
}

const STEP_WORDS: Readonly<Record<MidimonStep, string>> = {
  instantiate: 'instantiation',
  init: '`init`',
  'read-metadata': 'reading the metadata',
  alloc: '`alloc`',
  'write-request': 'writing the request',
  execute: '`execute`',
};

/**
 * One line saying what stopped a call; `what` names the call, e.g. "`init`" or "`execute` of
 * `my_action` with …". Read faults only come from `init`'s metadata, alloc faults from `execute`.
 */
export function describeMidimonFailure(call: MidimonFailure, what: string): string {
  if (call.kind === 'trap') return `${what} trapped (${call.trap.kind}) during ${STEP_WORDS[call.step]}: ${call.trap.message}`;
  const f = call.fault;
  switch (f.kind) {
    case 'out-of-bounds':
      return `${what} returned ptr=${f.ptr} len=${f.len}, past the end of memory (${f.memoryBytes} bytes); the host fails with "Memory read failed"`;
    case 'invalid-utf8':
      return `${what} returned bytes that are not valid UTF-8 (first bad byte at offset ${f.firstBadByte} of ${f.len}); the host's UTF-8 decoding rejects them`;
    case 'null-pointer':
    case 'block-out-of-bounds':
      return `${what}: \`alloc(${f.requested})\` returned ptr=${f.ptr}, so the request would end past the end of memory (${f.memoryBytes} bytes); the host's memory write fails and \`execute\` never runs`;
  }
}

/** The evidence object for a call that stopped early. */
export function midimonFailureEvidence(call: MidimonFailure): Record<string, unknown> {
  const common = { step: call.step, hostCalls: call.hostCalls.slice(0, 20), stdout: call.stdout.slice(0, 20) };
  return call.kind === 'trap' ? { outcome: 'trap', trap: call.trap, ...common } : { outcome: 'fault', fault: call.fault, ...common };
}
