import { describe, expect, it } from 'vitest';
import { bundleInput, inputPayload, validateReplayBundle } from '../../src/fuzz/replay-bundle.js';
import { PlugcheckError } from '../../src/errors.js';

describe('replay bundle inputs', () => {
  it('keeps UTF-8 as text and anything else as base64, and gives back the exact bytes', () => {
    expect(bundleInput('{"a":"é"}')).toEqual({ text: '{"a":"é"}' });
    const bad = new Uint8Array([0x7b, 0xc3, 0x7d]);
    const kept = bundleInput(bad);
    expect(kept).toEqual({ base64: 'e8N9' });
    expect(inputPayload(kept)).toEqual(bad);
    expect(inputPayload({ json: { a: 1 } })).toBe('{"a":1}');
    expect(inputPayload({ text: '' })).toBe('');
  });

  it('rejects a document that is not a bundle with a coded error', () => {
    expect(() => validateReplayBundle({ bundleVersion: 2 }, 'x.json')).toThrow(PlugcheckError);
    expect(() => validateReplayBundle({ bundleVersion: 2 }, 'x.json')).toThrow(/PLUGCHECK_BAD_REPLAY|not a replay bundle/);
  });
});
