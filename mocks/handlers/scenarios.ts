import { http } from 'msw';
import type { MockBackend } from '../backend/mock-backend';
import { MAX_CONTROL_BODY_BYTES } from '@/contract/mock-control';
import { errorResponse, jsonResponse, readJsonBody } from './http-helpers';

/**
 * Scenario documents (docs/scenarios.md): the catalogue and registered ones, registering and
 * removing one, the current state as one, what is due on the clock, and the documents' JSON Schema.
 */
export function scenarioHandlers(backend: MockBackend) {
  return [
    http.get('*/__mock/scenarios', () => jsonResponse({ scenarios: backend.scenarios() })),
    http.get('*/__mock/scenarios/:name', ({ params }) => {
      const name = String(params.name);
      const document = backend.scenarioDocument(name);
      return document
        ? jsonResponse(document)
        : errorResponse(
            404,
            'UNKNOWN_SCENARIO',
            `Unknown scenario "${name}"; known: ${backend.scenarioNames().join(', ')}`,
          );
    }),
    http.post('*/__mock/scenarios', async ({ request }) => {
      const body = await readJsonBody(request, MAX_CONTROL_BODY_BYTES);
      if (!body.ok) return body.response;
      const registration = backend.registerScenario(body.json);
      if (registration.ok) return jsonResponse({ name: registration.name }, { status: 201 });
      if (registration.problem === 'builtIn') {
        return errorResponse(
          409,
          'SCENARIO_EXISTS',
          `"${registration.name}" is a built-in scenario: choose another name`,
        );
      }
      const count = registration.issues.length;
      return jsonResponse(
        {
          success: false,
          code: 'INVALID_SCENARIO',
          message: `The scenario document has ${count} ${count === 1 ? 'problem' : 'problems'}`,
          issues: registration.issues,
        },
        { status: 400 },
      );
    }),
    http.delete('*/__mock/scenarios/:name', ({ params }) => {
      const name = String(params.name);
      switch (backend.removeScenario(name)) {
        case 'removed':
          return jsonResponse({ scenarios: backend.scenarios() });
        case 'builtIn':
          return errorResponse(409, 'BUILT_IN_SCENARIO', `"${name}" is a built-in scenario: it cannot be removed`);
        case 'unknown':
          return errorResponse(404, 'UNKNOWN_SCENARIO', `No registered scenario is called "${name}"`);
      }
    }),
    http.get('*/__mock/snapshot', () => jsonResponse(backend.snapshot())),
    http.get('*/__mock/schedule', () => jsonResponse({ events: backend.schedule() })),
    // Generated on first use: the generator is not part of the worker's first load.
    http.get('*/__mock/scenario.schema.json', async () => {
      const { scenarioJsonSchema } = await import('../scenarios/json-schema');
      return jsonResponse(scenarioJsonSchema());
    }),
  ];
}
