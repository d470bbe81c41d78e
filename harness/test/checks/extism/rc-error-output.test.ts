/**
 * `semantics.rc-error-output` on purpose-built plugins: each rule of spec-decisions
 * "extism-datasource", one contradiction at a time, and the valid failures it must accept.
 */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/extism/rc-error-output.js';
import { datasourceContext } from './wat-datasource.js';

const run = async (overrides: Parameters<typeof datasourceContext>[0]) => check.run(datasourceContext(overrides));
// A configure export that refuses everything: the run's valid config too, but the rule under test
// is only the one about its own error channel.
const REFUSES = { plugin_configure: { error: 'invalid config', rc: 1 } };

describe('semantics.rc-error-output', () => {
  it('accepts start/stop failing with rc 1 and {success:false,error} without error_set', async () => {
    const outcome = await run({ ...REFUSES, stop_stream: { output: { success: false, error: 'stream not found' }, rc: 1 } });
    expect(outcome).toMatchObject({ status: 'passed' });
  });

  it('fails error_set with rc 0', async () => {
    const outcome = await run({ plugin_configure: { error: 'bad', rc: 0 } });
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('called error_set ("bad") and returned rc 0') });
  });

  it('fails rc 1 with success:true, and rc 0 with success:false', async () => {
    const rc1 = await run({ ...REFUSES, start_stream: { output: { success: true }, rc: 1 } });
    expect(rc1).toMatchObject({ status: 'failed', message: expect.stringContaining('`start_stream` (the stream key) returned rc 1 with success:true') });
    const rc0 = await run({ ...REFUSES, stop_stream: { output: { success: false, error: 'x' }, rc: 0 } });
    expect(rc0).toMatchObject({ status: 'failed', message: expect.stringContaining('returned rc 0 with success:false') });
  });

  it('fails a configure export that accepts input that is not JSON', async () => {
    const outcome = await run({});
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('accepted "not json" as a config') });
  });

  it('fails plugin_configure failing without error_set', async () => {
    const outcome = await run({ plugin_configure: { rc: 1 } });
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining('but no error_set') });
  });
});
