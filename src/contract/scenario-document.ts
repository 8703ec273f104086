import { z } from '@/lib/zod';
import { ApiFaultSchema, ApiRouteSchema, MAX_SPEED, MockStartSessionSchema } from './mock-control';
import { ErrorClassSchema, OrderStatusSchema, ProvisioningStatusSchema } from './order';
import { OrderIdSchema } from './provision-api';

/**
 * A scenario as a file (docs/scenarios.md: Scenarios as files): what the world holds when it starts
 * and how the upstream providers and the console's API behave over time, so that a designer or a QA
 * engineer can write one without code. The built-in catalogue is written in it; `GET /__mock/snapshot`
 * answers one that also holds the exact state of a running backend (`state`), which registering and
 * starting reproduces, future included.
 *
 * Times are relative to the scenario's start: orders in minutes before it, provider phases in minutes
 * after it, latencies in milliseconds.
 */

export const SCENARIO_DOCUMENT_VERSION = 1;

export const ScenarioNameSchema = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9][a-z0-9-]{0,63}$/,
      'A scenario name is 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit',
    ),
  );

/** The upstream packages the reseller sells; purchases are locked per package. */
export const packageIds = [
  'smartvps-2gb',
  'smartvps-4gb',
  'smartvps-8gb',
  'hostycare-cloud-s',
  'hostycare-cloud-m',
  'hostycare-cloud-l',
] as const;
export const PackageIdSchema = z.enum(packageIds);
export type PackageId = z.infer<typeof PackageIdSchema>;

const MinutesAgoSchema = z.number().check(z.nonnegative());

/** An order as a scenario lists it; what it leaves out is what a fresh order has (no provisioning yet). */
export const ListedOrderSchema = z.strictObject({
  id: OrderIdSchema,
  customer: z.string().check(z.minLength(1), z.maxLength(100)),
  packageId: PackageIdSchema,
  status: OrderStatusSchema,
  createdMinutesAgo: MinutesAgoSchema,
  paidMinutesAgo: z.optional(MinutesAgoSchema),
  autoProvisioned: z.optional(z.boolean()),
  provisioningStatus: z.optional(ProvisioningStatusSchema),
  ipAddress: z.optional(z.string().check(z.maxLength(45))),
  provisioningError: z.optional(z.string().check(z.maxLength(2_000))),
  /** Transient unless said otherwise. */
  provisioningErrorClass: z.optional(ErrorClassSchema),
  lastAttemptMinutesAgo: z.optional(MinutesAgoSchema),
  /** A VPS or service already bought upstream for it; `ipReadyInMinutes` below 0: it has its IP already. */
  upstream: z.optional(
    z.strictObject({
      id: z.string().check(z.minLength(1), z.maxLength(64)),
      ipAddress: z.string().check(z.maxLength(45)),
      ipReadyInMinutes: z.number(),
    }),
  ),
});
export type ListedOrder = z.infer<typeof ListedOrderSchema>;

const FirstNumberSchema = z.int().check(z.minimum(1), z.maximum(99_000_000));
const CountSchema = z.int().check(z.minimum(1), z.maximum(200_000));

/** Many orders at once: ids ORD-<firstNumber> onwards. */
export const GeneratedOrdersSchema = z.discriminatedUnion('kind', [
  /** Years of history from a seed: mostly active with a server, some unpaid or cancelled. */
  z.strictObject({ kind: z.literal('history'), firstNumber: FirstNumberSchema, count: CountSchema, seed: z.int() }),
  /**
   * Orders alike but for their id, customer and time: the first paid (or, unpaid, placed)
   * `firstMinutesAgo`, each next one `minutesApart` (1 unless said) earlier.
   */
  z.strictObject({
    kind: z.literal('batch'),
    firstNumber: FirstNumberSchema,
    count: CountSchema,
    firstMinutesAgo: MinutesAgoSchema,
    minutesApart: z.optional(MinutesAgoSchema),
    order: z.omit(ListedOrderSchema, { id: true, customer: true, createdMinutesAgo: true, paidMinutesAgo: true }),
  }),
]);
export type GeneratedOrders = z.infer<typeof GeneratedOrdersSchema>;

/** What one upstream call does while its phase lasts. */
export const CallOutcomeDocumentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('succeed') }),
  z.strictObject({
    kind: z.literal('fail'),
    error: z.string().check(z.minLength(1), z.maxLength(500)),
    /** Transient failures are retried by automatic runs; a permanent one stops the run at once. */
    errorClass: z.optional(ErrorClassSchema),
  }),
  /** No answer: the call gives up after 30 s. */
  z.strictObject({ kind: z.literal('timeout') }),
]);

const LatencyMsSchema = z.tuple([
  z.int().check(z.minimum(0), z.maximum(600_000)),
  z.int().check(z.minimum(0), z.maximum(600_000)),
]);

/** One operation's behaviour over time: a healthy provider when left out. */
export const OperationDocumentSchema = z.strictObject({
  latencyMs: z.optional(LatencyMsSchema),
  /** In time order: each holds until its `untilMinute` after the start; the last one, without it, for ever. */
  phases: z.optional(
    z
      .array(
        z.strictObject({ untilMinute: z.optional(z.number().check(z.positive())), outcome: CallOutcomeDocumentSchema }),
      )
      .check(z.minLength(1)),
  ),
});

export const ProvidersDocumentSchema = z.strictObject({
  smartvps: z.optional(
    z.strictObject({
      buyVps: z.optional(OperationDocumentSchema),
      statusCheck: z.optional(OperationDocumentSchema),
      /** How long after a purchase the VPS gets its IP. */
      ipAssignedAfterMinutes: z.optional(z.number().check(z.nonnegative())),
    }),
  ),
  hostycare: z.optional(z.strictObject({ createService: z.optional(OperationDocumentSchema) })),
});

export const ScenarioDocumentSchema = z.strictObject({
  /** Where an editor finds this schema, e.g. http://localhost:5173/__mock/scenario.schema.json. */
  $schema: z.optional(z.string()),
  version: z.literal(SCENARIO_DOCUMENT_VERSION),
  name: ScenarioNameSchema,
  /** One line for the scenario panel. */
  description: z.string().check(z.minLength(1), z.maxLength(300)),
  /** What QA or a designer sees when walking it. */
  demonstrates: z.string().check(z.minLength(1), z.maxLength(500)),
  /** A built-in scenario whose settings this one starts from; what it gives itself replaces them. */
  extends: z.optional(ScenarioNameSchema),
  /** Seeds every random draw (retry delays, IPs, latencies): the same seed replays the same world. */
  randomSeed: z.optional(z.int()),
  /**
   * The orders, three ways, together: those of a built-in scenario (`ordersOf`), listed ones (one
   * with the id of an inherited order replaces it), and generated ones. Giving any of the three
   * replaces all three of `extends`.
   */
  ordersOf: z.optional(ScenarioNameSchema),
  orders: z.optional(z.array(ListedOrderSchema).check(z.maxLength(10_000))),
  generatedOrders: z.optional(z.array(GeneratedOrdersSchema).check(z.maxLength(20))),
  /** Orders paid as the scenario starts: their automatic run begins at once. */
  autoRunOrderIds: z.optional(z.array(OrderIdSchema).check(z.maxLength(1_000))),
  /** Old versions of orders that the list keeps serving until a request writes to the order (a stale cache). */
  staleListOrders: z.optional(z.array(ListedOrderSchema).check(z.maxLength(1_000))),
  providers: z.optional(ProvidersDocumentSchema),
  api: z.optional(
    z.strictObject({
      /** Extra wall-clock latency of every API answer, drawn between the two. */
      latencyMs: z.optional(LatencyMsSchema),
      /** Faults per route, taken in turn by successive requests, round and round. */
      faults: z.optional(z.partialRecord(ApiRouteSchema, z.array(ApiFaultSchema).check(z.minLength(1)))),
    }),
  ),
  clock: z.optional(
    z.strictObject({
      speed: z.optional(z.number().check(z.positive(), z.maximum(MAX_SPEED))),
      paused: z.optional(z.boolean()),
    }),
  ),
  /** Who the console starts signed in as; the admin unless said otherwise. */
  startSession: z.optional(MockStartSessionSchema),
  /** A seeded admin who retries the same order a moment before every manual request of another admin. */
  concurrentAdmin: z.optional(z.string()),
  /**
   * The exact state of a running backend, as `GET /__mock/snapshot` writes it (not written by hand):
   * starting the scenario restores it instead of seeding. Checked by the mock when it is registered.
   */
  state: z.optional(z.record(z.string(), z.unknown())),
});
export type ScenarioDocument = z.infer<typeof ScenarioDocumentSchema>;

/** One problem of a document, where it is: `$.providers.smartvps.buyVps.phases[0].untilMinute`. */
export const ScenarioIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ScenarioIssue = z.infer<typeof ScenarioIssueSchema>;

/** `400 INVALID_SCENARIO`: every problem of the document, each at its JSON path. */
export const InvalidScenarioBodySchema = z.object({
  success: z.literal(false),
  code: z.literal('INVALID_SCENARIO'),
  message: z.string(),
  issues: z.array(ScenarioIssueSchema),
});

export const RegisterScenarioResponseSchema = z.object({ name: ScenarioNameSchema });

/** `GET /__mock/scenario.schema.json`: the document's JSON Schema, generated from `ScenarioDocumentSchema`. */
export const JsonSchemaDocumentSchema = z.looseObject({ $schema: z.string(), type: z.literal('object') });

/** The JSON path of a zod issue's path: `$`, `$.a.b`, `$.a[0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    '$',
  );
}

/** Parses a document, with every problem at its JSON path (an unknown version is said first, alone). */
export function parseScenarioDocument(
  input: unknown,
): { ok: true; document: ScenarioDocument } | { ok: false; issues: ScenarioIssue[] } {
  const version = typeof input === 'object' && input !== null && 'version' in input ? input.version : undefined;
  if (version !== SCENARIO_DOCUMENT_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: '$.version',
          message:
            version === undefined
              ? `A scenario document says its version: "version": ${SCENARIO_DOCUMENT_VERSION}`
              : `Version ${JSON.stringify(version)} is not one this mock reads; it reads version ${SCENARIO_DOCUMENT_VERSION}`,
        },
      ],
    };
  }
  const parsed = ScenarioDocumentSchema.safeParse(input);
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
  };
}
