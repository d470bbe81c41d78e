/**
 * Numbers as the report prints them: durations, microsecond timings, ratios and byte sizes, each
 * with as many digits as a reader can use and no more.
 */

/** Milliseconds as people read them: `<0.1 ms`, `0.4 ms`, `12 ms`, `1.30 s`. */
export function formatDuration(ms: number): string {
  if (ms < 0.1) return '<0.1 ms';
  if (ms < 1) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Microseconds with three significant digits or so: `0.285`, `7.60`, `42.1`, `1,234`. */
export function formatUs(us: number): string {
  if (!Number.isFinite(us)) return String(us);
  const abs = Math.abs(us);
  if (abs >= 1000) return Math.round(us).toLocaleString('en-US');
  if (abs >= 100) return us.toFixed(0);
  if (abs >= 10) return us.toFixed(1);
  if (abs >= 1) return us.toFixed(2);
  return us.toFixed(3);
}

/** A ratio as a multiplier: `1.04×`. */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;
}

/** A share (0..1) as a percentage: `37 %`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** Bytes in binary units where exact or large: `64 B`, `1 KiB`, `1.5 KiB`, `256 KiB`, `1 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KiB`;
  return `${trim(bytes / (1024 * 1024))} MiB`;
}

const trim = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A count with thousands separators: `1,234,567`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
