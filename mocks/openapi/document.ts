import { version } from '../../package.json';
import { z } from '@/lib/zod';
import { ApiErrorBodySchema, type ErrorCode } from '@/contract/errors';
import { apiOverview, endpoints, endpointTags, schemaModules, type Answer, type Endpoint } from '@/contract/endpoints';
import { MockTenantSchema } from '@/contract/mock-control';
import { schemaNotes, type SchemaNote } from '@/contract/schema-notes';

type JsonSchema = z.core.JSONSchema.JSONSchema;
type Io = 'input' | 'output';
type Meta = Partial<SchemaNote> & { id?: string };

const COMPONENTS = '#/components/schemas/';
const JSON_MEDIA_TYPE = 'application/json';

export type OpenApiDocument = ReturnType<typeof generate>;

let generated: OpenApiDocument | undefined;

/**
 * The API as an OpenAPI 3.1 document, generated from `src/contract/endpoints/` and the contract's
 * schemas (the same every time, so it is built once).
 */
export function openApiDocument(): OpenApiDocument {
  generated ??= generate();
  return generated;
}

function generate() {
  const components = new Components();
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const entry of endpoints) {
    paths[entry.path] = { ...paths[entry.path], [entry.method]: operation(entry, components) };
  }
  const unknownEndpoint = {
    description: 'No operation has this path and method.',
    content: { [JSON_MEDIA_TYPE]: { schema: components.errorBody(['NOT_FOUND']) } },
  };
  // Once everything else is written: what it uses, and on which side, decides the components.
  const schemas = components.schemas();
  return {
    openapi: '3.1.1',
    info: { title: 'Provision Console API', version, description: apiOverview },
    servers: [{ url: '/', description: 'The origin that serves the console' }],
    tags: Object.entries(endpointTags).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      responses: { UnknownEndpoint: unknownEndpoint },
      parameters: {
        MockTenant: {
          name: 'X-Mock-Tenant',
          in: 'header',
          required: false,
          description:
            'Which backend of the standalone mock server answers: it keeps one per tenant, so that parallel ' +
            "clients never share state. The browser's mock ignores it.",
          schema: inlineSchema(MockTenantSchema, 'input'),
        },
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'The `token` of `POST /api/session`.',
        },
      },
    },
  };
}

function operation(entry: Endpoint, components: Components) {
  const pathParameters = Object.entries(entry.pathParameters ?? {}).map(([name, { description, schema }]) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: components.use(schema, 'input'),
  }));
  return {
    operationId: entry.operationId,
    tags: [entry.tag],
    summary: entry.summary,
    description: [entry.description, ACCESS[entry.access]].filter(Boolean).join('\n\n'),
    ...(entry.access === 'anyone' ? {} : { security: [{ bearerAuth: [] }] }),
    parameters: [
      ...pathParameters,
      ...(entry.query ? components.queryParameters(entry.query) : []),
      { $ref: '#/components/parameters/MockTenant' },
    ],
    ...(entry.body && {
      requestBody: { required: true, content: { [JSON_MEDIA_TYPE]: { schema: components.use(entry.body, 'input') } } },
    }),
    responses: Object.fromEntries(
      Object.entries(answersOf(entry)).map(([status, answer]) => [status, response(answer, components)]),
    ),
  };
}

const ACCESS: Record<Endpoint['access'], string> = {
  anyone: '',
  signedIn: 'For any signed-in user (`bearerAuth`).',
  admin: 'For admins only (`bearerAuth`): a support agent gets `403 FORBIDDEN`, whatever the console shows.',
};

/** The entry's answers, after those that follow from its access, its body and its path (see `Endpoint`). */
function answersOf(entry: Endpoint): Record<string, Answer> {
  const implied: [string, Answer][] = [];
  if (entry.body) {
    implied.push(['400', { description: 'A malformed request: nothing changed.', errors: ['INVALID_REQUEST'] }]);
  }
  if (entry.access !== 'anyone') {
    implied.push([
      '401',
      {
        description: 'No valid session: none sent, unknown, or expired (`SESSION_EXPIRED`).',
        errors: ['UNAUTHENTICATED', 'SESSION_EXPIRED'],
      },
    ]);
  }
  if (entry.access === 'admin') {
    implied.push(['403', { description: 'The user is a support agent, who may only read.', errors: ['FORBIDDEN'] }]);
  }
  if (entry.path.startsWith('/api/')) {
    implied.push([
      '5XX',
      {
        description: 'The server failed or is unavailable; the console shows the message and offers a retry.',
        errors: ['INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'],
      },
    ]);
  }
  const tenantRefused: [string, Answer] = [
    '400',
    {
      description: 'On the standalone mock server: an `X-Mock-Tenant` that is not 1-64 letters, digits, `-` or `_`.',
      errors: ['INVALID_REQUEST'],
    },
  ];
  const answers: Record<string, Answer> = {};
  for (const [status, answer] of [...implied, ...Object.entries(entry.answers), tenantRefused]) {
    const earlier = answers[status];
    // Merged, never replaced: a body or headers of one answer stay when another adds error codes.
    answers[status] = earlier
      ? {
          ...earlier,
          ...answer,
          ...((answer.body ?? earlier.body) && { body: answer.body ?? earlier.body }),
          ...((answer.headers ?? earlier.headers) && { headers: answer.headers ?? earlier.headers }),
          description: `${earlier.description} ${answer.description}`,
          errors: [...new Set([...(earlier.errors ?? []), ...(answer.errors ?? [])])],
        }
      : answer;
  }
  return answers;
}

function response(answer: Answer, components: Components) {
  const bodies = [
    ...(answer.body ? [components.use(answer.body, 'output')] : []),
    ...(answer.errors ? [components.errorBody(answer.errors)] : []),
  ];
  const [only] = bodies;
  return {
    description: answer.description,
    ...(answer.headers && {
      headers: Object.fromEntries(
        Object.entries(answer.headers).map(([name, { description, schema }]) => [
          name,
          { description, schema: inlineSchema(schema, 'output') },
        ]),
      ),
    }),
    ...(only && { content: { [JSON_MEDIA_TYPE]: { schema: bodies.length === 1 ? only : { oneOf: bodies } } } }),
  };
}

/** A schema that no other refers to (a header's, say), written out in full. */
function inlineSchema(schema: z.ZodMiniType, io: Io): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, override: tidy });
  return json;
}

/** What zod writes that a server does not need to read, and what OpenAPI tools can use. */
function tidy({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  // JavaScript's safe-integer range, which zod writes on every integer.
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  const { def } = zodSchema._zod;
  if (def.type === 'union' && 'discriminator' in def && typeof def.discriminator === 'string') {
    // Every option of a discriminated union is an object; Ajv's strict mode wants it said.
    jsonSchema.type = 'object';
    jsonSchema.discriminator = { propertyName: def.discriminator };
  }
}

/**
 * The contract's schemas as components, named after their exports (`OrderSchema` → `Order`), each
 * written for the side that uses it: a request's on its input side (defaults optional, plain objects
 * open), a response's on its output side. A component used on both sides must read the same on both.
 */
class Components {
  private readonly registry = z.registry<Meta>();
  private readonly ids = new Map<z.ZodMiniType, string>();
  private readonly generated: Record<Io, Record<string, JsonSchema>>;
  private readonly used: Record<Io, Set<string>> = { input: new Set(), output: new Set() };

  constructor() {
    for (const module of schemaModules) {
      for (const [name, value] of Object.entries(module)) {
        if (!name.endsWith('Schema') || !isZodSchema(value)) continue;
        const id = name.slice(0, -'Schema'.length);
        if ([...this.ids.values()].includes(id)) throw new Error(`Two contract schemas are named ${name}`);
        this.ids.set(value, id);
      }
    }
    const notes = new Map<z.ZodMiniType, SchemaNote>(schemaNotes);
    for (const [schema, id] of this.ids) this.registry.add(schema, { id, ...notes.get(schema) });
    for (const [schema, note] of notes) if (!this.ids.has(schema)) this.registry.add(schema, note);
    this.generated = { input: this.convert('input'), output: this.convert('output') };
  }

  /** A `$ref` to a contract schema's component, on the side that uses it. */
  use(schema: z.ZodMiniType, io: Io): JsonSchema {
    const id = this.ids.get(schema);
    if (!id) throw new Error('An endpoint uses a schema that no module of `schemaModules` exports');
    this.used[io].add(id);
    return { $ref: COMPONENTS + id };
  }

  /** An `ApiErrorBody` whose code is one of these. */
  errorBody(codes: readonly ErrorCode[]): JsonSchema {
    return {
      allOf: [
        this.use(ApiErrorBodySchema, 'output'),
        { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } },
      ],
    };
  }

  /** Query parameters: an exported object schema's properties, on its input side. */
  queryParameters(query: z.ZodMiniObject) {
    const id = this.ids.get(query);
    const json = id === undefined ? undefined : this.generated.input[id];
    if (!json?.properties) throw new Error('A query must be an object schema exported by one of `schemaModules`');
    const required = new Set(json.required);
    return Object.entries(json.properties).map(([name, property]) => {
      const { description, ...schema } = typeof property === 'object' ? property : {};
      for (const ref of refsIn(schema)) this.used.input.add(ref);
      return { name, in: 'query', required: required.has(name), ...(description && { description }), schema };
    });
  }

  /** Every component the operations use, and those they use in turn. */
  schemas(): Record<string, JsonSchema> {
    const input = this.closure('input');
    const output = this.closure('output');
    const schemas: Record<string, JsonSchema> = {};
    for (const id of [...this.ids.values()].toSorted()) {
      const asInput = input.has(id) && this.generated.input[id];
      const asOutput = output.has(id) && this.generated.output[id];
      if (asInput && asOutput && JSON.stringify(asInput) !== JSON.stringify(asOutput)) {
        throw new Error(
          `${id} is used in requests and in responses, and reads differently: give each side its own schema`,
        );
      }
      const json = asInput || asOutput;
      if (json) schemas[id] = json;
    }
    return schemas;
  }

  private closure(io: Io): Set<string> {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const ref of refsIn(this.generated[io][id])) visit(ref);
    };
    for (const id of this.used[io]) visit(id);
    return seen;
  }

  private convert(io: Io): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, {
      target: 'draft-2020-12',
      io,
      uri: (id) => COMPONENTS + id,
      metadata: this.registry,
      override: tidy,
    });
    for (const json of Object.values(schemas)) {
      // zod's `$id` ("#/components/…") is no valid 2020-12 `$id`; the component's key names it.
      delete json.$id;
      delete json.$schema;
    }
    return schemas;
  }
}

function isZodSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** The component ids a JSON schema refers to. */
function refsIn(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(refsIn);
  if (typeof json !== 'object' || json === null) return [];
  return Object.entries(json).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENTS)
      ? [value.slice(COMPONENTS.length)]
      : refsIn(value),
  );
}
