import type { z } from '@/lib/zod';
import { ApiErrorBodySchema } from './errors';
import {
  ApiFaultSchema,
  HANG_MS,
  MockBackendHostSchema,
  MockStartSessionSchema,
  MockStateSchema,
  RequestLogEntrySchema,
} from './mock-control';
import {
  ActiveRunSchema,
  AttemptSchema,
  AuditEntrySchema,
  CredentialsSchema,
  ErrorClassSchema,
  IsoTimeSchema,
  OrderSchema,
  ResolutionSchema,
  RunStepSchema,
} from './order';
import {
  OrderDetailResponseSchema,
  OrderListResponseSchema,
  OrdersQuerySchema,
  ProvisioningFilterSchema,
} from './orders-api';
import { BulkProvisionRequestSchema, ProvisionRequestSchema, ResolveRequestSchema } from './provision-api';
import { SignInRequestSchema } from './session-api';

/**
 * What the published document says about a schema or a field beyond its shape: the words a backend
 * team needs, and the rules zod checks in code that JSON Schema cannot carry (`refine`, `trim`).
 * Kept here, with the endpoints, so that the console's bundle carries none of it.
 */
export type SchemaNote = { description: string; uniqueItems?: true };

export const schemaNotes: ReadonlyArray<readonly [z.ZodMiniType, SchemaNote]> = [
  [
    ApiErrorBodySchema,
    {
      description:
        'Every error: a machine `code` and a human `message`, which the console shows. Clients accept any ' +
        'code, so a server may add its own; each response lists the codes it carries.',
    },
  ],
  [IsoTimeSchema, { description: 'An ISO 8601 date-time with its offset; the mock writes UTC (`Z`).' }],
  [
    OrderSchema,
    {
      description:
        'An order as the API serves it. Field names follow the product brief (`_id`, `autoProvisioned`, ' +
        '`provisioningStatus`…). Provisioning never started: `provisioningStatus` null.',
    },
  ],
  [
    OrderSchema.shape.autoProvisioned,
    { description: 'Whether the backend provisions this order on its own once paid; absent means no.' },
  ],
  [
    OrderSchema.shape.packageId,
    { description: 'The upstream package a purchase draws from; purchases of one package never overlap.' },
  ],
  [
    OrderSchema.shape.upstreamId,
    { description: "The provider's id for the bought VPS or service, once bought; an order is never bought twice." },
  ],
  [
    OrderSchema.shape.provisioningErrorClass,
    { description: 'Which kind of failure `provisioningError` is; null when there is none.' },
  ],
  [OrderSchema.shape.activeRun, { description: 'The provisioning run under way, if any: at most one per order.' }],
  [OrderSchema.shape.resolution, { description: 'Set once an admin marked the order resolved.' }],
  [ResolutionSchema, { description: 'An order fixed outside the console: who, when and why.' }],
  [
    ActiveRunSchema.shape.nextStepAt,
    {
      description:
        'When the run next moves on its own (end of a retry delay or of an upstream call); null while queued.',
    },
  ],
  [
    RunStepSchema,
    {
      description:
        'Where a live run is: queued behind another purchase of the same package, calling upstream, or waiting to retry.',
    },
  ],
  [
    ErrorClassSchema,
    {
      description:
        'Transient failures (timeouts, 5xx, a provider that is down) may pass on their own, and runs retry them; ' +
        'permanent ones (out of stock, insufficient balance, invalid configuration) stop a run at once.',
    },
  ],
  [AttemptSchema, { description: 'One attempt of one provisioning run: a line of the log served with an order.' }],
  [AttemptSchema.shape.reason, { description: 'Why the admin retried, as typed; null for automatic runs.' }],
  [
    AuditEntrySchema,
    { description: 'A manual action on an order, allowed or refused: who, when, why, and what the backend answered.' },
  ],
  [AuditEntrySchema.shape.bulk, { description: 'True when it came with others in one bulk request.' }],
  [
    AuditEntrySchema.shape.result,
    { description: "The answer's code, e.g. `PROVISIONING_STARTED`, `PROVISIONING_IN_PROGRESS`, `MARKED_RESOLVED`." },
  ],
  [CredentialsSchema, { description: "The server's root login: to admins only, and never in a list, log or journal." }],
  [
    OrdersQuerySchema.shape.q,
    { description: "Searches the order id, the customer's name or email and the IP address; trimmed." },
  ],
  [OrdersQuerySchema.shape.limit, { description: 'Page size. Without it, every match comes back in one answer.' }],
  [OrdersQuerySchema.shape.cursor, { description: 'The `nextCursor` of the previous page.' }],
  [
    ProvisioningFilterSchema,
    { description: '`none` stands for provisioning never started (`provisioningStatus` null).' },
  ],
  [OrderListResponseSchema.shape.total, { description: 'Every order matching the filters, across all pages.' }],
  [
    OrderListResponseSchema.shape.nextCursor,
    { description: 'Pass as `cursor` for the next page; null on the last one.' },
  ],
  [
    OrderListResponseSchema.shape.attentionCount,
    { description: 'How many orders need attention, whatever the filters: the badge every view shows.' },
  ],
  [
    OrderListResponseSchema,
    {
      description:
        "One page of orders. `serverTime` is the backend's clock: the console measures ages against it, " +
        "never against the browser's.",
    },
  ],
  [
    OrderDetailResponseSchema.shape.credentials,
    { description: 'Admins only, once the server is active; null for support agents and unfinished orders.' },
  ],
  [
    ProvisionRequestSchema.shape.reason,
    { description: "Why the admin is trying again (trimmed), kept in the order's timeline." },
  ],
  [
    BulkProvisionRequestSchema.shape.orderIds,
    { description: 'The orders to provision, each once: a repeated id is a malformed request.', uniqueItems: true },
  ],
  [
    ResolveRequestSchema.shape.reason,
    { description: 'Required: it is all the timeline will know. Trimmed; a blank reason is a malformed request.' },
  ],
  [SignInRequestSchema.shape.email, { description: 'Trimmed before it is compared.' }],
  [
    MockBackendHostSchema,
    {
      description:
        'Where the mock backend runs, hence who shares it: every tab of a browser profile, one tab, or a ' +
        'standalone server.',
    },
  ],
  [
    MockStateSchema.shape.notice,
    { description: 'Something the user must be told about the mock itself, e.g. saved data that could not be read.' },
  ],
  [
    MockStartSessionSchema,
    { description: 'Who a scenario starts signed in as: a seeded user, nobody, or a session that has just expired.' },
  ],
  [
    ApiFaultSchema,
    {
      description:
        'A fault the mock answers instead of a route, which never runs: a status with an error body, a dropped ' +
        `connection, no answer for ${HANG_MS / 1000} s then a 503, a body that is not JSON, or JSON that breaks this contract.`,
    },
  ],
  [RequestLogEntrySchema.shape.status, { description: 'null when the mock dropped the connection.' }],
];
