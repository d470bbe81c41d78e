/**
 * The static data ranges read from a module's data section: exactly the WAT plugin's segments
 * (close ones merged), passive and non-constant segments left out, and no section, no ranges.
 */
import { describe, expect, it } from 'vitest';
import { staticDataRanges } from '../../src/memory/static-data.js';
import { loadBundled } from '../support/plugins.js';
import { compileWat } from '../support/wat.js';

describe('staticDataRanges', () => {
  it("gives the bundled WAT plugin's active segments, merging those a few bytes apart", () => {
    // Segments at 16 (19 bytes), 64…491 (several, 16 bytes apart at most) and 960 (40 bytes).
    expect(staticDataRanges(loadBundled('bifrost-v2-good-wat').bytes)).toEqual([
      { ptr: 16, len: 19 },
      { ptr: 64, len: 427 },
      { ptr: 960, len: 40 },
    ]);
  });

  it('leaves out passive segments and offsets that are not constants, and finds nothing without data', () => {
    const wat = compileWat(`(module
      (import "env" "base" (global $base i32))
      (memory 1)
      (data (i32.const 100) "abcd")
      (data "passive")
      (data (global.get $base) "relocated")
      (data (i32.const 2000) "xy"))`);
    expect(staticDataRanges(wat.bytes)).toEqual([{ ptr: 100, len: 4 }, { ptr: 2000, len: 2 }]);
    expect(staticDataRanges(compileWat('(module (memory 1))').bytes)).toEqual([]);
  });
});
