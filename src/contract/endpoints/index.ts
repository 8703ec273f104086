import * as errors from '../errors';
import { MAX_BODY_BYTES } from '../errors';
import * as mockControl from '../mock-control';
import * as order from '../order';
import * as ordersApi from '../orders-api';
import * as provisionApi from '../provision-api';
import * as scenarioDocument from '../scenario-document';
import * as sessionApi from '../session-api';
import { orderEndpoints, provisioningEndpoints, sessionEndpoints } from './api-endpoints';
import type { Endpoint } from './endpoint';
import { mockControlEndpoints, scenarioDocumentEndpoints } from './mock-endpoints';

export { endpointTags, type Answer, type Endpoint } from './endpoint';

/**
 * Every endpoint of the API and of the mock's control API, described once: `GET /__mock/openapi.json`
 * publishes them as an OpenAPI document (`mocks/openapi/`), and a test fails when this list and the
 * mock's handlers differ. Only the mock and tests import this module; the console never does.
 */

/** The modules whose `…Schema` exports become the document's components, named without `Schema`. */
export const schemaModules = [errors, order, ordersApi, provisionApi, sessionApi, mockControl, scenarioDocument];

/** The document's introduction: the rules every operation follows. CommonMark. */
export const apiOverview = [
  "The API of the Provision Console: a VPS reseller's admins see paid orders and provision or retry them at " +
    "the upstream provider (SmartVPS, Hostycare), never buying an order twice. The console's mock backend " +
    'serves it, and generates this document from the zod schemas in `src/contract/`: a server that answers ' +
    'as it says can replace the mock.',
  '',
  '**Sign-in and roles.** `POST /api/session` trades an email and password for a token; every other ' +
    '`/api/*` request sends it as `Authorization: Bearer <token>`. Without a valid token the answer is ' +
    '`401 UNAUTHENTICATED`, or `401 SESSION_EXPIRED` for a session that has ended, and the console asks the ' +
    'user to sign in again. Reads are for any signed-in user; every change is for admins only: a support ' +
    'agent gets `403 FORBIDDEN`, whatever the console shows.',
  '',
  '**Errors.** Every error body is an `ApiErrorBody`, `{ success: false, code, message }`: the console ' +
    'branches on `code` and shows `message`. Each response lists the codes it carries. A malformed request ' +
    `(a content type other than \`application/json\`, invalid JSON, a body over ${MAX_BODY_BYTES / 1000} kB, a missing, extra, ` +
    'mistyped or oversized field) is `400 INVALID_REQUEST` and changes nothing. A path under `/api/` or ' +
    '`/__mock/` that no operation here describes, or a method its path does not have, is `404 NOT_FOUND` ' +
    '(the `UnknownEndpoint` response). A `5XX` should carry an `ApiErrorBody` too.',
  '',
  "**Time.** `serverTime`, and every time in an answer, is the backend's clock: the console measures ages " +
    "against it, never against the browser's.",
  '',
  "**Mock control.** `/__mock/*` is the mock backend's own API; a production server has none of it. " +
    '`X-Mock-Tenant`, accepted by every operation, picks one backend of the standalone mock server per ' +
    "client; the browser's mock ignores it.",
].join('\n');

export const endpoints: readonly Endpoint[] = [
  ...sessionEndpoints,
  ...orderEndpoints,
  ...provisioningEndpoints,
  ...mockControlEndpoints,
  ...scenarioDocumentEndpoints,
];
