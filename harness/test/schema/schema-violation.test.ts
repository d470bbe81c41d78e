/**
 * Ajv errors become evidence: the path in the document, the rule's absolute location (in the file
 * that holds it, even through `$ref`), what was expected and what came, without the noise of the
 * `anyOf` branches a nullable field tried.
 */
import { describe, expect, it } from 'vitest';
import { schemaRegistry } from '../../src/schema/schema-registry.js';
import { describeViolation } from '../../src/schema/schema-violation.js';
import { requireHookSchema } from '../../src/schema/validated-hook-call.js';

schemaRegistry();
const httpPreOutput = requireHookSchema('bifrost-v2', 'http_pre_hook', 'output');

function violationsOf(document: unknown) {
  const verdict = httpPreOutput.check(document);
  if (verdict.ok) throw new Error('expected a violation');
  return verdict.violations;
}

describe('schema violations', () => {
  it('name the path, the rule in the file that holds it, the expected and the received value', () => {
    const [v, ...rest] = violationsOf({ context: {}, response: { status_code: 0 }, has_response: true, error: '' });
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      instancePath: '/response/status_code',
      schemaPath: 'https://plugcheck.dev/schemas/bifrost/types.schema.json#/$defs/httpResponse/properties/status_code/minimum',
      keyword: 'minimum',
      expected: 'a number >= 100',
      received: 0,
    });
  });
  it('drop the "must be null" branch of a nullable field that holds the wrong object', () => {
    const keywords = violationsOf({ context: {}, response: { headers: {} }, has_response: true, error: '' }).map((v) => v.keyword);
    expect(keywords).toEqual(['required']);
  });
  it('read as one line with the received value', () => {
    const [v] = violationsOf({ context: {}, has_response: 'no', error: '' });
    expect(describeViolation(v as never)).toBe('/has_response: must be boolean, received string "no"');
  });
  it('say which property a name rule rejects', () => {
    const schema = requireHookSchema('bifrost-v2', 'pre_hook', 'output');
    const verdict = schema.check({ context: {}, request: { provider: 'openai', model: 'gpt-4' }, has_short_circuit: false, error: '' }, ['go-default']);
    if (verdict.ok) throw new Error('expected a violation');
    expect(verdict.violations.map(describeViolation)).toContain('/request: property name must be valid: property name "provider"');
  });
  it('clip long received values', () => {
    const [v] = violationsOf({ context: {}, has_response: false, error: 'x'.repeat(10), request: { method: 'GET', path: 'y'.repeat(2000), body: '!' } });
    expect(JSON.stringify(v?.received).length).toBeLessThan(400);
  });
});
