/**
 * Which exports a run calls, and for every other one the input that would exercise it. A general
 * Extism plugin's exports all take an application-defined input plugcheck does not have, so none is
 * called; a data-source plugin's run calls the exports of seed 004's flow (datasource-run.ts).
 * Exports that are not called are reported with what they need, never failed for lack of it.
 */
import type { Dialect, ProfileId } from '../profile.js';

const EXERCISED: Readonly<Record<string, readonly string[]>> = {
  generic: ['plugin_info', 'meta', 'plugin_configure', 'start_stream', 'stop_stream'],
  current: ['meta', 'init', 'handle_command'],
};

const NEEDS: Readonly<Record<string, string>> = {
  get_credential_fields: 'no input; it is outside the seed\'s plugin flow (seed 004 §Plugin Flow)',
  get_name: 'no input; it is outside the seed\'s plugin flow (seed 004 §Plugin Flow)',
  get_timeframes: 'no input; it is outside the seed\'s plugin flow (seed 004 §Plugin Flow)',
  list_markets: 'no input, but canned HTTP responses for the exchange\'s markets endpoint',
  get_ohlcv: 'an OHLCV request (OHLCVParams JSON) and canned HTTP responses for the exchange\'s candles endpoint',
  get_configuration_fields: 'no input; it is outside the flow plugcheck runs',
  get_rate_limits: 'no input; it is outside the flow plugcheck runs',
  shutdown: 'no input; the terminal calls it when it unloads the plugin',
  handle_stream_message: 'a StreamMessageRequest for an open stream (seed-systems §5.4)',
  handle_connection_event: 'a connection event for an open stream (seed-systems §5.4)',
};

/** The exports the run of this profile and dialect calls. */
export function exercisedExports(profile: ProfileId, dialect: Dialect): readonly string[] {
  return profile === 'extism-datasource' ? (EXERCISED[dialect['generation'] ?? ''] ?? []) : [];
}

/** What input would exercise an export the run does not call. */
export function inputNeeded(name: string): string {
  return NEEDS[name] ?? `the input its application passes to \`call("${name}", input)\`; plugcheck has none configured for it`;
}
