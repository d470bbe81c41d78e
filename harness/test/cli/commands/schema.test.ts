/**
 * `plugcheck schema` through the real bin: prints a self-contained schema a plugin author can
 * validate with, lists a profile's schemas, and exits 2 with a coded message for an unknown
 * profile, hook, dialect or flag combination.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runPlugcheck } from '../../support/plugcheck-cli.js';

describe('plugcheck schema', () => {
  it('prints a hook\'s output schema that validates on its own', async () => {
    const run = await runPlugcheck(['schema', 'bifrost-v2', 'pre_hook']);
    expect(run.exitCode).toBe(0);
    const schema = JSON.parse(run.stdout) as { $id: string; examples: unknown[] };
    expect(schema.$id).toBe('https://plugcheck.dev/schemas/bifrost-v2/pre_hook.output.schema.json');
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
    for (const example of schema.examples) expect(validate(example)).toBe(true);
    expect(validate({ context: {}, error: '' })).toBe(false);
  });
  it('prints the input schema with --input, and a legacy alias finds its hook', async () => {
    const run = await runPlugcheck(['schema', 'bifrost-v2', 'http_intercept', '--input']);
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as { $id: string }).$id).toMatch(/http_pre_hook\.input\.schema\.json$/);
  });
  it('narrows to one dialect with --dialect', async () => {
    const run = await runPlugcheck(['schema', 'bifrost-v2', 'pre_hook', '--dialect', 'go-default']);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
    const flat = { context: {}, request: { provider: 'openai', model: 'gpt-4' }, has_short_circuit: false, error: '' };
    expect(validate(flat)).toBe(false);
    expect(validate({ ...flat, request: { RequestType: 'chat_completion', ChatRequest: null } })).toBe(true);
  });
  it('lists a profile\'s schemas without a hook', async () => {
    const run = await runPlugcheck(['schema', 'bifrost-v1']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('http_transport_intercept');
    expect(run.stdout).toContain('schemas/bifrost-v1/post_hook.output.schema.json');
  });
  for (const [args, code, text] of [
    [['schema', 'bifrost-v9', 'pre_hook'], 'PLUGCHECK_UNKNOWN_PROFILE', 'unknown profile "bifrost-v9"'],
    [['schema', 'bifrost-v2', 'prehook'], 'PLUGCHECK_USAGE', 'has no output schema for "prehook"'],
    [['schema', 'bifrost-v2', 'init'], 'PLUGCHECK_USAGE', 'has no output schema for "init"'],
    [['schema', 'bifrost-v2', 'pre_hook', '--dialect', 'rust'], 'PLUGCHECK_USAGE', 'has no dialect "rust"'],
    [['schema', 'bifrost-v2', 'pre_hook', '--input', '--output'], 'PLUGCHECK_USAGE', 'exclude each other'],
    [['schema'], 'PLUGCHECK_USAGE', 'takes a profile'],
  ] as const) {
    it(`exits 2 with ${code} for ${args.slice(1).join(' ') || 'no arguments'}`, async () => {
      const run = await runPlugcheck(args);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain(`${code}: `);
      expect(run.stderr).toContain(text);
      expect(hasStackTrace(run.stderr)).toBe(false);
    });
  }
});
