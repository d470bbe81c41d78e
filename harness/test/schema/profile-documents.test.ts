/**
 * The documents plugcheck itself sends and reads fit their schemas: every Bifrost fixture (in the
 * dialect it was written for), the init config, every expectations file, and the reports
 * `plugcheck test` writes. Every Bifrost hook has both schemas.
 */
import { describe, expect, it } from 'vitest';
import { listBundledPlugins } from '../../src/config/bundled-plugins.js';
import { testPlugin } from '../../src/engine/test-plugin.js';
import { bifrostV1 } from '../../src/profiles/bifrost-v1/index.js';
import { bifrostV2 } from '../../src/profiles/bifrost-v2/index.js';
import { SCHEMA_BASE_URI } from '../../src/schema/schema-files.js';
import { schemaRegistry } from '../../src/schema/schema-registry.js';
import { hookDocument, requireHookSchema } from '../../src/schema/validated-hook-call.js';
import { bundledWasmPath } from '../support/plugins.js';

const registry = schemaRegistry();
const validatorOf = (file: string) => {
  const validate = registry.validator(`${SCHEMA_BASE_URI}${file}`);
  if (validate === undefined) throw new Error(`${file} is not registered`);
  return validate;
};

// Fixtures written for the real host's encoding carry it in their id.
const SHAPE_OF_FIXTURE: Readonly<Record<string, string>> = { 'go-default-shape': 'go-default' };

for (const profile of [bifrostV1, bifrostV2]) {
  describe(`${profile.id} fixtures`, () => {
    for (const hook of profile.hooks) {
      it(`${hook.name} has an input and an output schema`, () => {
        expect(requireHookSchema(profile.id, hook.name, 'input').file).toBe(`${profile.id}/${hook.name}.input.schema.json`);
        expect(requireHookSchema(profile.id, hook.name, 'output').file).toBe(`${profile.id}/${hook.name}.output.schema.json`);
      });
      for (const fixture of hook.fixtures) {
        it(`${hook.name} ${fixture.id} fits the input schema in its dialect`, () => {
          const schema = requireHookSchema(profile.id, hook.name, 'input');
          const fits = schema.fits(hookDocument(hook, fixture.inputs));
          const shape = SHAPE_OF_FIXTURE[fixture.id] ?? (schema.dialects.length > 0 ? 'doc-flat' : undefined);
          expect(fits).toEqual([shape]);
        });
      }
    }
    it('init config fits init.input', () => {
      expect(requireHookSchema(profile.id, 'init', 'input').check(profile.initConfig).ok).toBe(true);
    });
  });
}

describe('plugcheck\'s own files', () => {
  it('every bundled expectations file fits expectations.schema.json', async () => {
    const validate = validatorOf('expectations.schema.json');
    const { readFile } = await import('node:fs/promises');
    for (const p of await listBundledPlugins()) {
      const doc = JSON.parse(await readFile(p.expectations, 'utf8')) as unknown;
      expect(validate(doc), `${p.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
  it('real reports fit report.schema.json: passed, failed, skipped and timed-out results', async () => {
    const validate = validatorOf('report.schema.json');
    const reports = await Promise.all(
      ['bifrost-v2-good-wat', 'bifrost-v2-schema-dialect', 'bifrost-v2-loop-forever', 'bifrost-v1-good'].map((name) =>
        testPlugin({ plugin: bundledWasmPath(name), callTimeoutMs: 500, instantiateTimeoutMs: 1000 }),
      ),
    );
    const statuses = new Set(reports.flatMap((r) => r.results.map((x) => x.status)));
    expect([...statuses].sort()).toEqual(['failed', 'passed', 'skipped', 'timed-out']);
    for (const report of reports) {
      const doc = JSON.parse(JSON.stringify(report)) as unknown;
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
