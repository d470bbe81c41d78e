/**
 * The replay suite: `npm test -- --replay repro.json` sends a replay bundle's exact call to the
 * plugin it was written for (through the same engine as `plugcheck replay`) and passes when the call
 * is now answered correctly — so a committed bundle is a regression test for the bug it recorded.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../harness/src/fuzz/replay.js';

const bundlePath = process.env['PLUGCHECK_REPLAY'];

describe('replay', () => {
  it.skipIf(bundlePath === undefined)(`${bundlePath ?? 'no bundle (pass --replay repro.json)'} is answered correctly now`, async () => {
    const outcome = await replay(bundlePath as string);
    const { result, bundle } = outcome;
    const why = [`${result.check}: ${result.status} — ${result.message}`, `plugin: ${outcome.plugin} (sha256 ${bundle.plugin.sha256})`, `seed ${bundle.seed}, shrink path ${bundle.shrinkPath ?? '-'}`, `replay: npx plugcheck replay ${bundlePath ?? ''}`].join('\n');
    expect(result.status, why).toBe('passed');
  });
});
