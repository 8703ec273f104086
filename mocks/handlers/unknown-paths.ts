import { http } from 'msw';
import { errorResponse } from './http-helpers';

/**
 * Last in the list: a path under `/api/` or `/__mock/` that no route claims gets the JSON 404 a real
 * backend would give, with a code, rather than going on to the network or the static server.
 */
export function unknownPathHandlers() {
  const notFound = ({ request }: { request: Request }) =>
    errorResponse(404, 'NOT_FOUND', `No such endpoint: ${request.method} ${new URL(request.url).pathname}`);
  return [http.all('*/api/*', notFound), http.all('*/__mock/*', notFound)];
}
