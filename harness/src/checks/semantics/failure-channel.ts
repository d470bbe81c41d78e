/**
 * Where a Bifrost hook reports the plugin's own failure (seed-systems §1.4 "Error conventions"):
 * the `error` string in every envelope except bifrost-v2's `post_hook`, whose `error` is the
 * BifrostError payload, so its failure goes in `hook_error`.
 */
import type { ProfileId } from '../../profiles/profile.js';

/** The envelope field that carries the plugin's failure message. */
export function failureField(profile: ProfileId, hook: string): 'error' | 'hook_error' {
  return profile === 'bifrost-v2' && hook === 'post_hook' ? 'hook_error' : 'error';
}

/**
 * What a BifrostError carries, or undefined for none: null, absent, `{}` (the seed's "no error")
 * and Go's empty value `{"is_bifrost_error":false,"error":null,"extra_fields":{}}` carry nothing.
 */
export function bifrostErrorMessage(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { error?: { message?: unknown } | null; type?: unknown; status_code?: unknown };
  const message = v.error?.message;
  if (typeof message === 'string' && message.length > 0) return message;
  if (typeof v.type === 'string' && v.type.length > 0) return `type ${v.type}`;
  if (typeof v.status_code === 'number') return `status ${v.status_code}`;
  return undefined;
}

/** The failure an envelope reports and where, in its failure field or (for `hook_error` hooks) as a BifrostError in `error`. */
export function reportedFailure(profile: ProfileId, hook: string, envelope: Readonly<Record<string, unknown>>): { field: string; message: string } | undefined {
  const field = failureField(profile, hook);
  const message = envelope[field];
  if (typeof message === 'string' && message.length > 0) return { field, message };
  if (field === 'hook_error') {
    const carried = bifrostErrorMessage(envelope['error']);
    if (carried !== undefined) return { field: 'error', message: carried };
  }
  return undefined;
}
