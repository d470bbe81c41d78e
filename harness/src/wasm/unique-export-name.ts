/**
 * A name for an export plugcheck adds to a module that none of the plugin's own exports uses.
 */

/** `preferred`, prefixed with `_` until no existing export has that name. */
export function uniqueExportName(existing: readonly string[], preferred: string): string {
  const taken = new Set(existing);
  let name = preferred;
  while (taken.has(name)) name = `_${name}`;
  return name;
}
