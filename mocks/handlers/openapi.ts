import { http } from 'msw';
import { jsonResponse } from './http-helpers';

/**
 * `GET /__mock/openapi.json`: the API as an OpenAPI 3.1 document. Its generator (and zod's JSON
 * Schema support) loads on the first request, so the mock's first load does not carry them.
 */
export function openApiHandlers() {
  return [
    http.get('*/__mock/openapi.json', async () => {
      const { openApiDocument } = await import('../openapi/document');
      return jsonResponse(openApiDocument());
    }),
  ];
}
