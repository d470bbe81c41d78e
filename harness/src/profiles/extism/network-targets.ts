/**
 * The network a data-source plugin declares it needs: `networkTargets` in `plugin_info` (generation
 * B) and `resources.allowedNetworkTargets[].pattern` in `meta` (current). Patterns are URLs with
 * `*` wildcards (`https://api.woox.io/*`) or bare host names (`*.example.com`). A request outside
 * every declared pattern is outside the plugin's capability (design: deny by default).
 */

function patternRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** True when `url` falls inside one of the declared patterns. */
export function withinTargets(url: string, patterns: readonly string[]): boolean {
  let host: string | undefined;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return patterns.some((pattern) => {
    if (pattern.includes('://')) {
      // `https://api.example.test/*` also covers the bare origin `https://api.example.test`.
      return patternRegExp(pattern).test(url) || (pattern.endsWith('/*') && url === pattern.slice(0, -2));
    }
    return patternRegExp(pattern).test(host);
  });
}

/** The patterns a metadata document declares, whichever generation wrote it. */
export function declaredTargets(metadata: Readonly<Record<string, unknown>>): string[] {
  const flat = metadata['networkTargets'];
  const resources = metadata['resources'] as { allowedNetworkTargets?: unknown } | null | undefined;
  const rules = resources?.allowedNetworkTargets;
  return [
    ...(Array.isArray(flat) ? flat.filter((t): t is string => typeof t === 'string') : []),
    ...(Array.isArray(rules) ? rules.map((r) => (r as { pattern?: unknown } | null)?.pattern).filter((p): p is string => typeof p === 'string') : []),
  ];
}
