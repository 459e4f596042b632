// Validates every data/<id>.json of a built site, and `gongkai parse` output, against the
// public contract tests/contract/disclosure.schema.json (a copy of shared/contract/).
// usage: node tests/contract/validate.mjs SITE_DIR
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, 'disclosure.schema.json'), 'utf8'));
const site = process.argv[2];
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const files = readdirSync(join(site, 'data')).filter((f) => f.endsWith('.json'));

test('the site publishes a data file per disclosure', () => {
  assert.ok(files.length >= 5, `only ${files.length} data files`);
});

for (const f of files) {
  test(`data/${f} follows disclosure.schema.json`, () => {
    const doc = JSON.parse(readFileSync(join(site, 'data', f), 'utf8'));
    const ok = validate(doc);
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    assert.equal(doc.id + '.json', f);
  });
}
