/**
 * Terminal styling: colours only when the stream is a TTY outside CI, so logs in CI and files stay
 * plain text. NO_COLOR (non-empty, no-color.org) always turns them off; FORCE_COLOR (other than
 * `0`/`false`) turns them on for a pipe or CI log that renders them.
 */
import type { CheckStatus } from '../report/check-result.js';

/** A set of styling functions, plain or coloured. */
export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

/** Whether to colour `stream` under `env` (see the file comment for the rules). */
export function wantsColour(stream: Pick<NodeJS.WriteStream, 'isTTY'>, env: NodeJS.ProcessEnv = process.env): boolean {
  const noColour = env['NO_COLOR'];
  if (noColour !== undefined && noColour !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  return stream.isTTY === true && env['CI'] === undefined;
}

/** Styling for a stream: colours on an interactive terminal only. */
export function styleFor(stream: NodeJS.WriteStream): Style {
  const colour = wantsColour(stream);
  return colour
    ? { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39) }
    : { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };
}

/** A fixed-width status tag for result lines. */
export function statusTag(status: CheckStatus, style: Style): string {
  switch (status) {
    case 'passed':
      return style.green('PASS   ');
    case 'failed':
      return style.red('FAIL   ');
    case 'errored':
      return style.red('ERROR  ');
    case 'skipped':
      return style.dim('SKIP   ');
    case 'timed-out':
      return style.yellow('TIMEOUT');
  }
}
