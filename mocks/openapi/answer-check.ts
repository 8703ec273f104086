import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { SetupServer } from 'msw/node';
import { openApiDocument, type OpenApiDocument } from './document';

// Node only: Ajv compiles validators with `new Function`, which the console's CSP forbids.

const DOCUMENT_ID = 'mock:openapi';
const JSON_POINTER_TO_BODY = 'content/application~1json/schema';

type Operation = { method: string; path: string; pattern: RegExp; templated: boolean };

/**
 * Checks an answer of the mock against the published document: the status is one the operation
 * declares, and the JSON body is valid against that status's schema. Resolves to what is wrong, or
 * null. Paths outside `/api/` and `/__mock/` are not the document's and pass.
 */
export type AnswerCheck = (request: Request, response: Response) => Promise<string | null>;

export function createAnswerCheck(document: OpenApiDocument = openApiDocument()): AnswerCheck {
  const ajv = openApiAjv(document);
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({
      method,
      path,
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+').replaceAll('.', '\\.')}$`),
      templated: path.includes('{'),
    })),
  );
  const validators = new Map<string, ValidateFunction>();
  const validator = (pointer: string) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
      if (!validate) throw new Error(`The document has no schema at ${pointer}`);
      validators.set(pointer, validate);
    }
    return validate;
  };

  return async (request, response) => {
    const { pathname } = new URL(request.url);
    if (!/^\/(api|__mock)\//.test(pathname)) return null;
    const method = request.method.toLowerCase();
    const answer = `${request.method} ${pathname} answered ${response.status}`;
    const operation = findOperation(operations, method, pathname);
    const [responsePointer, declared] = operation
      ? declaredResponse(document, operation, response.status)
      : ['/components/responses/UnknownEndpoint', response.status === 404];
    if (!declared) {
      return operation
        ? `${answer}, a status ${operation.method.toUpperCase()} ${operation.path} does not declare`
        : `${answer}: no operation has this path and method, so it must be a 404`;
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `${answer} with a body that is not JSON: ${text.slice(0, 80)}`;
    }
    const validate = validator(`${responsePointer}/${JSON_POINTER_TO_BODY}`);
    if (validate(body)) return null;
    const errors = (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
    return `${answer} with a body the document does not allow: ${[...new Set(errors)].join('; ')}`;
  };
}

/**
 * Checks every answer `server` mocks, except those `isFault` (a deliberate breach) says to skip.
 * `breaches()` waits for the checks of the answers so far and tells what they broke, once each.
 */
export function watchAnswers(server: SetupServer, isFault: (requestId: string) => boolean) {
  let check: AnswerCheck | undefined;
  const pending: Promise<string | null>[] = [];
  server.events.on('response:mocked', ({ request, requestId, response }) => {
    if (isFault(requestId)) return;
    // Built on the first answer, once per test file: a file that sends no request pays nothing.
    check ??= createAnswerCheck();
    // Cloned at once: the client reads the body too.
    pending.push(check(request, response.clone()));
  });
  return {
    breaches: async (): Promise<string[]> => (await Promise.all(pending.splice(0))).filter((breach) => breach !== null),
  };
}

/** An Ajv that knows the document, so that its `#/components/schemas/…` references resolve. */
function openApiAjv(document: OpenApiDocument): Ajv2020 {
  // Not checked against the JSON Schema meta-schema here, which costs most of the set-up: the
  // document's own test does that.
  const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true, validateSchema: false });
  addFormats(ajv);
  // The document is not a JSON Schema: its top-level keys are declared so that strict mode accepts it.
  for (const key of Object.keys(document)) ajv.addKeyword(key);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  return ajv;
}

/** As OpenAPI matches: a path without templates before one with them. */
function findOperation(operations: Operation[], method: string, pathname: string): Operation | undefined {
  const matching = operations.filter((candidate) => candidate.method === method && candidate.pattern.test(pathname));
  return matching.find((candidate) => !candidate.templated) ?? matching[0];
}

/** Where the status's response is in the document (an exact status before its class, `4XX`), if declared. */
function declaredResponse(document: OpenApiDocument, operation: Operation, status: number): [string, boolean] {
  const responses = document.paths[operation.path]?.[operation.method]?.responses ?? {};
  const key = [String(status), `${String(status)[0]}XX`].find((candidate) => candidate in responses);
  const path = operation.path.replaceAll('~', '~0').replaceAll('/', '~1');
  return [`/paths/${path}/${operation.method}/responses/${key ?? status}`, key !== undefined];
}
