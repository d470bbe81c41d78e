/**
 * Colours: a terminal outside CI gets them; NO_COLOR always removes them; FORCE_COLOR adds them to
 * a pipe or CI log.
 */
import { describe, expect, it } from 'vitest';
import { wantsColour } from '../../src/cli/style.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('wantsColour', () => {
  it('colours a terminal, not a pipe, not CI', () => {
    expect(wantsColour(tty, {})).toBe(true);
    expect(wantsColour(pipe, {})).toBe(false);
    expect(wantsColour(tty, { CI: 'true' })).toBe(false);
  });
  it('honours NO_COLOR (when non-empty), even over FORCE_COLOR', () => {
    expect(wantsColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour(tty, { NO_COLOR: '' })).toBe(true);
    expect(wantsColour(pipe, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });
  it('honours FORCE_COLOR, except 0 and false', () => {
    expect(wantsColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColour(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(wantsColour(pipe, { CI: 'true', FORCE_COLOR: '3' })).toBe(true);
    expect(wantsColour(tty, { FORCE_COLOR: '0' })).toBe(true);
    expect(wantsColour(pipe, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsColour(pipe, { FORCE_COLOR: 'false' })).toBe(false);
  });
});
