/**
 * `--memory-cap <MiB or pages>`: the memory cap a run enforces instead of the profile's. A bare
 * number or one ending in `MiB`/`M` is mebibytes (16 pages each); one ending in `p`/`pages` is 64 KiB
 * pages. The cap is a whole number of pages from 1 to 65536 (4 GiB, all a 32-bit memory can hold).
 */
import { UsageError } from '../errors.js';

const MAX_PAGES = 65536;
const PAGES_PER_MIB = 16;

/** Parses `--memory-cap`; undefined when absent. */
export function memoryCapOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? /^(\d+)\s*(mib|m|p|pages?)?$/i.exec(value.trim()) : null;
  const amount = match === null ? Number.NaN : Number(match[1]);
  const unit = (match?.[2] ?? 'mib').toLowerCase();
  const pages = unit.startsWith('p') ? amount : amount * PAGES_PER_MIB;
  if (!Number.isSafeInteger(pages) || pages < 1 || pages > MAX_PAGES) {
    throw new UsageError('--memory-cap takes a size in MiB (64, 64MiB) or in 64 KiB pages (1024p), from 1 page to 4096 MiB', {
      expected: 'a whole number of MiB or pages, e.g. 64 or 1024p',
      received: String(value),
      fix: 'pass --memory-cap 64 (MiB) or --memory-cap 1024p (pages)',
    });
  }
  return pages;
}
