/**
 * Words for what went wrong in a Bifrost call, shared by every check that calls a plugin, so a
 * trap or a bad pointer reads the same wherever it shows up.
 */
import type { BifrostCall } from './bifrost-caller.js';

/** A one-line description of a call that did not produce output. */
export function describeFailedCall(call: Exclude<BifrostCall, { kind: 'output' }>, what: string): string {
  switch (call.kind) {
    case 'no-data':
      return `${what} returned packed 0 ("no data"), which the host treats as an error`;
    case 'trap':
      return `${what} trapped (${call.trap.kind}) during ${call.step}: ${call.trap.message}`;
    case 'fault': {
      const f = call.fault;
      switch (f.kind) {
        case 'out-of-bounds':
          return `${what} returned ptr=${f.ptr} len=${f.len}, past the end of memory (${f.memoryBytes} bytes)`;
        case 'invalid-utf8':
          return `${what} returned bytes that are not valid UTF-8 (first bad byte at offset ${f.firstBadByte} of ${f.len})`;
        case 'null-pointer':
          return `the allocator returned 0 for a ${f.requested}-byte block during ${what}`;
        case 'block-out-of-bounds':
          return `the allocator returned ptr=${f.ptr} for ${f.requested} bytes, past the end of memory (${f.memoryBytes} bytes)`;
      }
    }
  }
}

/** The evidence object for a call that did not produce output. */
export function failedCallEvidence(call: Exclude<BifrostCall, { kind: 'output' }>): Record<string, unknown> {
  switch (call.kind) {
    case 'no-data':
      return { outcome: 'no-data', packed: 0 };
    case 'trap':
      return { outcome: 'trap', step: call.step, trap: call.trap };
    case 'fault':
      return { outcome: 'fault', step: call.step, fault: call.fault };
  }
}
