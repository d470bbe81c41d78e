/**
 * `lifecycle.commands`: start_stream/stop_stream answers, a stop that fails, malformed host calls.
 */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/extism/commands.js';
import { datasourceContext } from './wat-datasource.js';

describe('lifecycle.commands', () => {
  it('passes a stream that starts and stops', async () => {
    expect(await check.run(datasourceContext({}))).toMatchObject({ status: 'passed' });
  });

  it('fails a start_stream that refuses the stream key, without judging the stop after it', async () => {
    const outcome = await check.run(datasourceContext({ start_stream: { output: { success: false, error: 'unsupported' }, rc: 1 } }));
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.message).toContain('`start_stream` answered {"success":false,"error":"unsupported"} for the stream key');
    expect(outcome.message).not.toContain('stop_stream');
  });

  it('fails a malformed publish and an answer that is not the response envelope', async () => {
    const malformed = await check.run(
      datasourceContext({ start_stream: { output: { success: true }, rc: 0, hostCalls: [{ fn: 'publish_stream_data', payload: { data: 1 } }] } }),
    );
    expect(malformed).toMatchObject({ status: 'failed', message: expect.stringContaining('sent a malformed extism:host/user.publish_stream_data') });
    const notEnvelope = await check.run(datasourceContext({ stop_stream: { output: 'stopped', rc: 0 } }));
    expect(notEnvelope).toMatchObject({ status: 'failed', message: expect.stringContaining('`stop_stream` output: not one JSON document') });
  });
});
