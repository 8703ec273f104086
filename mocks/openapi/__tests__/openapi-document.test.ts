import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { apiRoutes } from '@/contract/mock-control';
import { MockBackend } from '../../backend/mock-backend';
import { createHandlers } from '../../handlers';
import { openApiDocument } from '../document';

const document = openApiDocument();

/** `METHOD /path` of every operation, in OpenAPI form. */
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, path, operation })),
);

/** Every place in the document that holds a schema, as a JSON pointer. */
function schemaPointers(): string[] {
  const escape = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
  const pointers = Object.keys(document.components.schemas).map((id) => `/components/schemas/${id}`);
  const walk = (value: unknown, pointer: string) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'schema') pointers.push(`${pointer}/schema`);
      else walk(child, `${pointer}/${escape(key)}`);
    }
  };
  walk(document.paths, '/paths');
  walk(document.components.responses, '/components/responses');
  walk(document.components.parameters, '/components/parameters');
  return pointers;
}

describe('GET /__mock/openapi.json', () => {
  test('is a valid OpenAPI 3.1 document', async () => {
    expect(await new Validator().validate(structuredClone(document))).toEqual({ valid: true });
  });

  test('holds schemas that Ajv compiles in strict mode', () => {
    const ajv = new Ajv2020({ strict: true, discriminator: true });
    addFormats(ajv);
    for (const key of Object.keys(document)) ajv.addKeyword(key);
    ajv.addSchema({ ...document, $id: 'openapi' });
    const pointers = schemaPointers();
    expect(pointers.length).toBeGreaterThan(100);
    const failures = pointers.flatMap((pointer) => {
      try {
        ajv.getSchema(`openapi#${pointer}`);
        return [];
      } catch (error) {
        return [`${pointer}: ${String(error)}`];
      }
    });
    expect(failures).toEqual([]);
  });

  test('describes every handler of the mock, and only those', () => {
    const handlers = createHandlers(new MockBackend({ runsIn: 'server', wallNow: () => 0, budgetClock: () => 0 }));
    const handled = handlers
      .map(({ info }) => ({ method: String(info.method), path: String(info.path) }))
      // The catch-alls that answer 404 for what no operation describes.
      .filter(({ path }) => !path.endsWith('/*'))
      .map(({ method, path }) => `${method} ${path.replace(/^\*/, '').replace(/:(\w+)/g, '{$1}')}`);
    expect(new Set(handled).size).toBe(handled.length);
    expect(operations.map(({ key }) => key).toSorted()).toEqual(handled.toSorted());
  });

  test("names each operation of the console's API as faults and journals do", () => {
    const operationIds = operations.map(({ operation }) => operation.operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);
    expect(operationIds).toEqual(expect.arrayContaining([...apiRoutes]));
  });

  test('declares each path parameter of each path', () => {
    const declared = operations.map(({ key, operation }) => [
      key,
      operation.parameters.flatMap((parameter) =>
        'in' in parameter && parameter.in === 'path' ? [parameter.name] : [],
      ),
    ]);
    const inPaths = operations.map(({ key, path }) => [key, [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name)]);
    expect(declared).toEqual(inPaths);
  });

  test("names its components after the contract's schemas", () => {
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['Order', 'Attempt', 'AuditEntry', 'ApiErrorBody', 'OrderListResponse', 'MockState']),
    );
  });
});
