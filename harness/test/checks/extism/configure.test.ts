/**
 * `lifecycle.configure`: the credentials map accepted with rc 0; a refusal, an unknown code and a
 * malformed host call fail.
 */
import { describe, expect, it } from 'vitest';
import check from '../../../src/checks/extism/configure.js';
import { datasourceContext } from './wat-datasource.js';

describe('lifecycle.configure', () => {
  it('passes rc 0 and reports the output', async () => {
    expect(await check.run(datasourceContext({}))).toMatchObject({ status: 'passed', message: expect.stringContaining('output "configured"') });
  });

  it('fails a non-zero code even without an error, and a malformed log record', async () => {
    expect(await check.run(datasourceContext({ plugin_configure: { rc: 2 } }))).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('returned rc 2 and no output for a valid credentials map'),
    });
    const malformed = await check.run(datasourceContext({ plugin_configure: { rc: 0, hostCalls: [{ fn: 'log_record', payload: { msg: 'x' } }] } }));
    expect(malformed).toMatchObject({ status: 'failed', message: expect.stringContaining('sent malformed host calls') });
  });
});
