import type { z } from '@/lib/zod';
import type { ErrorCode } from '../errors';

/* How an operation is described: what `mocks/openapi/` turns into an OpenAPI operation. */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: anyone (sign-in, the control API), any signed-in user (reads), or admins only (changes). */
export type Access = 'anyone' | 'signedIn' | 'admin';

export const endpointTags = {
  Session: 'Sign in, who am I, sign out.',
  Orders: 'Reading orders: the list with its filters and the detail with its timeline.',
  Provisioning: 'Changing orders: provision or retry one or many, mark one resolved. Admins only.',
  'Mock control':
    "The mock backend's control API: scenarios, clock, faults and journals, for the scenario panel, " +
    'Playwright fixtures and outside suites. Served by the mock only; a production server has none of it.',
} as const;
export type EndpointTag = keyof typeof endpointTags;

/** One status an operation can answer. */
export type Answer = {
  description: string;
  /** The body when it is not an error: a schema exported by one of `schemaModules`. */
  body?: z.ZodMiniType;
  /** The codes of the `ApiErrorBody` this status carries (as well as `body`, if both are given). */
  errors?: readonly ErrorCode[];
  headers?: Readonly<Record<string, { description: string; schema: z.ZodMiniType }>>;
};

export type Parameter = { description: string; schema: z.ZodMiniType };

type PathParameterName<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParameterName<Rest>
  : never;

/** A path with `{name}` segments must describe each of them, and only them. */
type PathParameters<Path extends string> = string extends Path
  ? { pathParameters?: Readonly<Record<string, Parameter>> }
  : [PathParameterName<Path>] extends [never]
    ? { pathParameters?: never }
    : { pathParameters: Readonly<Record<PathParameterName<Path>, Parameter>> };

/**
 * One operation. The generator adds what follows from the rest, so that no entry can forget it:
 * `access` gives the bearer security and the 401 (`UNAUTHENTICATED`, `SESSION_EXPIRED`) and, for
 * admins, the 403 `FORBIDDEN`; a `body` gives the 400 `INVALID_REQUEST`; a path under `/api/` gives
 * the `5XX`; every operation takes the optional `X-Mock-Tenant` header, and a 400 for a malformed one.
 */
export type Endpoint<Path extends string = string> = {
  method: HttpMethod;
  /** In OpenAPI form: `/api/orders/{orderId}`. */
  path: Path;
  /** For the console's API, the route's name in `apiRoutes` (faults and journals use it). */
  operationId: string;
  tag: EndpointTag;
  summary: string;
  /** CommonMark: the rules a server must follow to answer as the console expects. */
  description: string;
  access: Access;
  /** Query parameters: the schema's properties, on its input side. */
  query?: z.ZodMiniObject;
  /** A JSON body: a schema exported by one of `schemaModules`, on its input side. */
  body?: z.ZodMiniType;
  answers: Readonly<Record<number, Answer>>;
} & PathParameters<Path>;

/** Checks an entry's path parameters against its path. */
export const endpoint = <const Path extends string>(entry: Endpoint<Path>): Endpoint => entry;
