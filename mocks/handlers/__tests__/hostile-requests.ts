import * as fc from 'fast-check';
import { MAX_BODY_BYTES } from '@/contract/errors';
import { REASON_MAX_LENGTH } from '@/contract/order';
import { BULK_RETRY_MAX, ORDER_ID_MAX_LENGTH } from '@/contract/provision-api';
import { userWithRole } from '../../data/users';

/*
 * The hostile requests of `hostile-input.property.test.ts`, by endpoint: malformed JSON, wrong
 * content types, missing, extra, oversized and mistyped fields, prototype-pollution keys, unknown
 * ids and ids of other shapes, and the callers that send them.
 */

/**
 * Orders of the default scenario that every provision request refuses (409) while the clock is
 * paused: ORD-1006 was attempted 3 min ago, ORD-1007 and ORD-1008 have automatic runs under way,
 * ORD-1009 is unpaid, ORD-1010 cancelled.
 */
export const admin = userWithRole('admin');
/** The mock refuses bodies larger than this before parsing them. */

export const REFUSED_FOR_PROVISION = ['ORD-1006', 'ORD-1007', 'ORD-1008', 'ORD-1009', 'ORD-1010'] as const;
/** Resolve refuses those too, and ORD-1004, which is provisioned. */
export const REFUSED_FOR_RESOLVE = [...REFUSED_FOR_PROVISION, 'ORD-1004'] as const;
/** Orders a well-formed request could act on: no hostile request may even audit them. */
export const UNTOUCHABLE = ['ORD-1001', 'ORD-1002', 'ORD-1003', 'ORD-1005'] as const;

/** Every id the scenario holds, so generated "unknown" ids never name a real order. */
export const existingIds = new Set<string>();

/** What a request must be answered with. */
export type Verdict = 'invalid' | 'unknownOrder' | 'refused' | 'wrongCredentials';

export type HostileBody = { what: string; contentType: string | null; body: string; verdict: Verdict };

export type Auth = { kind: 'admin' } | { kind: 'none' } | { kind: 'garbage'; header: string };

/** A JSON object written out key by key, so `__proto__` lands in the text as an own key, as an attacker would send it. */
function objectText(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}

/** What `JSON.parse` makes of a text: `__proto__` becomes an own key, not the prototype. */
function parsedJson(text: string): unknown {
  return JSON.parse(text);
}

const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
const pollutionPayload = fc.constantFrom(
  { polluted: true },
  { isAdmin: true, role: 'admin' },
  { prototype: { polluted: true } },
);

const unknownId = fc
  .oneof(
    fc.integer({ min: 100_000, max: 999_999 }).map((n) => `ORD-${n}`),
    fc.string({ minLength: 1, maxLength: ORDER_ID_MAX_LENGTH }),
    fc.string({ minLength: 1, maxLength: ORDER_ID_MAX_LENGTH, unit: 'binary' }),
    fc.constantFrom(
      'ord-1001',
      'ORD-1001 ',
      ' ORD-1001',
      'ORD-1001\u0000',
      'ORD-１００１',
      '../ORD-1001',
      'ORD-1001/../ORD-1002',
      '%4F%52%44-1001',
      'ORD-1001?orderId=ORD-1002',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      '<script>alert(1)</script>',
      "' OR '1'='1",
      '{"$ne":null}',
    ),
  )
  .filter((id) => !existingIds.has(id));

/** A string longer than its field allows (zod counts code points: '𝕏' is one, though two UTF-16 units). */
const tooLong = (max: number) =>
  fc
    .tuple(fc.constantFrom('x', 'é', '𝕏', '<', ' x'), fc.integer({ min: max + 1, max: max + 300 }))
    .map(([unit, n]) => unit.repeat(n));
/** Whatever JSON is not a string. */
const notAString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const optionalReason = fc.option(fc.string({ maxLength: 80 }), { nil: undefined });
const reason = fc.string({ minLength: 1, maxLength: 80 }).filter((text) => text.trim().length > 0);

type FieldSpec = {
  required: boolean;
  /** Values of the wrong type or size for this field. */
  invalid: fc.Arbitrary<unknown>;
};

export type EndpointSpec = {
  path: string;
  /** Admins only: anyone else is refused before the body is read. */
  adminOnly: boolean;
  fields: Record<string, FieldSpec>;
  /** Bodies the contract accepts, aimed at orders that do not exist or that the guard refuses. */
  wellFormed: fc.Arbitrary<{ fields: Record<string, unknown>; verdict: Exclude<Verdict, 'invalid'> }>;
};

const orderIdField: FieldSpec = {
  required: true,
  invalid: fc.oneof(notAString, tooLong(ORDER_ID_MAX_LENGTH), fc.constant('')),
};
const optionalReasonField: FieldSpec = { required: false, invalid: fc.oneof(notAString, tooLong(REASON_MAX_LENGTH)) };

/** An id for a well-formed request, and what the guard says to it. */
const targetOrder = (refused: readonly string[]) =>
  fc.oneof(
    unknownId.map((orderId) => ({ orderId, verdict: 'unknownOrder' as const })),
    fc.constantFrom(...refused).map((orderId) => ({ orderId, verdict: 'refused' as const })),
  );

export const endpoints = {
  provision: {
    path: '/api/orders/provision',
    adminOnly: true,
    fields: { orderId: orderIdField, reason: optionalReasonField },
    wellFormed: fc.tuple(targetOrder(REFUSED_FOR_PROVISION), optionalReason).map(([{ orderId, verdict }, why]) => ({
      fields: why === undefined ? { orderId } : { orderId, reason: why },
      verdict,
    })),
  },
  bulkProvision: {
    path: '/api/orders/provision/bulk',
    adminOnly: true,
    fields: {
      orderIds: {
        required: true,
        invalid: fc.oneof(
          fc.oneof(
            fc.string(),
            fc.integer(),
            fc.constant(null),
            fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 2 }),
          ),
          // An array with something other than a usable id in it.
          fc
            .tuple(
              fc.array(unknownId, { maxLength: 3 }),
              fc.oneof(notAString, tooLong(ORDER_ID_MAX_LENGTH), fc.constant('')),
            )
            .map(([ids, bad]) => [...ids, bad]),
          fc.constant([]),
          // The same id twice, and more than a bulk retry may hold.
          unknownId.map((id) => [id, id]),
          fc
            .integer({ min: BULK_RETRY_MAX + 1, max: BULK_RETRY_MAX + 50 })
            .map((n) => Array.from({ length: n }, (_, index) => `ORD-${500_000 + index}`)),
        ),
      },
      reason: optionalReasonField,
    },
    wellFormed: fc
      .tuple(
        fc.uniqueArray(fc.oneof(unknownId, fc.constantFrom(...REFUSED_FOR_PROVISION, 'ORD-1004')), {
          minLength: 1,
          maxLength: 5,
        }),
        optionalReason,
      )
      .map(([orderIds, why]) => ({
        fields: why === undefined ? { orderIds } : { orderIds, reason: why },
        verdict: 'refused' as const,
      })),
  },
  resolve: {
    path: '/api/orders/resolve',
    adminOnly: true,
    fields: {
      orderId: orderIdField,
      reason: {
        required: true,
        invalid: fc.oneof(notAString, tooLong(REASON_MAX_LENGTH), fc.constantFrom('', '   ', '\n\t')),
      },
    },
    wellFormed: fc
      .tuple(targetOrder(REFUSED_FOR_RESOLVE), reason)
      .map(([{ orderId, verdict }, why]) => ({ fields: { orderId, reason: why }, verdict })),
  },
  signIn: {
    path: '/api/session',
    adminOnly: false,
    fields: {
      email: { required: true, invalid: fc.oneof(notAString, tooLong(254), fc.constantFrom('', '   ')) },
      password: { required: true, invalid: fc.oneof(notAString, tooLong(200), fc.constant('')) },
    },
    wellFormed: fc
      .tuple(
        fc.oneof(
          fc.constantFrom(admin.email, ` ${admin.email.toUpperCase()} `),
          fc.emailAddress().filter((email) => email.length <= 254),
        ),
        fc.string({ minLength: 1, maxLength: 200 }),
      )
      .filter(([, password]) => password !== admin.password)
      .map(([email, password]) => ({ fields: { email, password }, verdict: 'wrongCredentials' as const })),
  },
} satisfies Record<string, EndpointSpec>;
export type EndpointName = keyof typeof endpoints;

const wrongContentType = fc.constantFrom(
  null,
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/jsonp',
  'application/json-patch+json',
  'application/javascript',
);

/** Every way a body can be wrong for `spec`, with a well-formed one for contrast. */
export function hostileBody(spec: EndpointSpec): fc.Arbitrary<HostileBody> {
  const fieldNames = Object.keys(spec.fields);
  const required = fieldNames.filter((name) => spec.fields[name]?.required);
  const valid = spec.wellFormed.map(({ fields }) => Object.entries(fields));
  const json =
    (what: string, verdict: Verdict) =>
    (body: string): HostileBody => ({ what, contentType: 'application/json', body, verdict });

  const wellFormed = spec.wellFormed.map(({ fields, verdict }) =>
    json('well-formed', verdict)(objectText(Object.entries(fields))),
  );
  const malformed = fc
    .oneof(
      fc.tuple(valid, fc.nat()).map(([entries, cut]) => {
        const text = objectText(entries);
        return text.slice(0, cut % text.length);
      }),
      fc
        .tuple(valid, fc.constantFrom('}', ',', 'x', ']', '\u0000', ' {}'))
        .map(([entries, junk]) => objectText(entries) + junk),
      valid.map((entries) => objectText(entries).replaceAll('"', "'")),
      fc.string().filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      }),
    )
    .map(json('malformed JSON', 'invalid'));
  const wrongType = fc
    .tuple(
      valid,
      fc
        .constantFrom(...fieldNames)
        .chain((name) => fc.tuple(fc.constant(name), spec.fields[name]?.invalid ?? fc.constant(null))),
    )
    .map(([entries, [name, value]]) => objectText([...entries.filter(([key]) => key !== name), [name, value]]))
    .map(json('a field of the wrong type, size or emptiness', 'invalid'));
  const missing = fc
    .tuple(valid, fc.constantFrom(...required))
    .map(([entries, name]) => objectText(entries.filter(([key]) => key !== name)))
    .map(json('a required field missing', 'invalid'));
  const extra = fc
    .tuple(
      valid,
      fc.oneof(
        pollutionKey,
        fc.string({ maxLength: 12 }).filter((key) => !fieldNames.includes(key)),
      ),
      fc.oneof(pollutionPayload, fc.jsonValue({ maxDepth: 2 })),
      fc.boolean(),
    )
    .map(([entries, key, value, first]) => objectText(first ? [[key, value], ...entries] : [...entries, [key, value]]))
    .map(json('an extra key', 'invalid'));
  const nestedPollution = fc
    .tuple(valid, fc.constantFrom(...fieldNames), pollutionKey, pollutionPayload)
    .map(([entries, name, key, payload]) =>
      objectText([...entries.filter(([field]) => field !== name), [name, parsedJson(objectText([[key, payload]]))]]),
    )
    .map(json('a pollution key nested in a field', 'invalid'));
  const oversized = fc
    .tuple(valid, fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES + 5_000 }))
    .map(([entries, size]) => {
      const text = objectText(entries);
      return `${text.slice(0, -1)},${JSON.stringify('padding')}:${JSON.stringify('p'.repeat(size))}}`;
    })
    .map(json('a body over 10 kB', 'invalid'));
  const notAnObject = fc
    .oneof(
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    )
    .map((value) => JSON.stringify(value))
    .map(json('JSON that is not an object', 'invalid'));
  const wrongContent = fc.tuple(wellFormed, wrongContentType).map(([{ body }, contentType]): HostileBody => ({
    what: 'a wrong content type',
    contentType,
    body,
    verdict: 'invalid',
  }));

  return fc.oneof(
    wellFormed,
    malformed,
    wrongType,
    missing,
    extra,
    nestedPollution,
    oversized,
    notAnObject,
    wrongContent,
  );
}

export const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Auth>({ kind: 'admin' }) },
  { weight: 1, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        'Bearer not-a-session',
        'Basic YWRtaW46YWRtaW4=',
        'Bearer',
        'Bearer __proto__',
        'Bearer constructor',
        `Bearer ${'x'.repeat(5_000)}`,
      )
      .map((header): Auth => ({ kind: 'garbage', header })),
  },
);
