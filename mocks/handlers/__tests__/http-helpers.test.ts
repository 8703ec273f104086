import { describe, expect, test } from 'vitest';
import { MAX_BODY_BYTES } from '@/contract/errors';
import { readJsonBody } from '../http-helpers';

const post = (body: string) =>
  new Request('http://mock/api/orders/provision', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('readJsonBody', () => {
  test('counts the limit in bytes, as a server reading the wire does, not in characters', async () => {
    const padding = '€'.repeat(4_000); // 4,000 characters, 12,000 bytes in UTF-8
    const answer = await readJsonBody(post(JSON.stringify({ orderId: 'ORD-1001', padding })));

    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.response.status).toBe(400);
    expect(await answer.response.json()).toEqual({
      success: false,
      code: 'INVALID_REQUEST',
      message: `Request body is larger than ${MAX_BODY_BYTES} bytes`,
    });
  });

  test('reads a body of multi-byte text within the limit as the JSON it is', async () => {
    const answer = await readJsonBody(post(JSON.stringify({ reason: 'Réessayer après la panne €' })));

    expect(answer).toEqual({ ok: true, json: { reason: 'Réessayer après la panne €' } });
  });
});
