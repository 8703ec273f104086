import { describe, expect, test } from 'vitest';
import { ApiErrorBodySchema } from '@/contract/errors';
import { mockApi } from './api-test-kit';

const { api } = mockApi();

describe('a path no route claims', () => {
  test.each([
    ['POST', '/api/nope', { some: 'body' }],
    ['GET', '/api/orders/ORD-1001/extra', undefined],
    ['PUT', '/api/orders', { orderId: 'ORD-1001' }],
    ['POST', '/__mock/nope', { scenario: 'default' }],
    ['DELETE', '/__mock/state', undefined],
  ])('%s %s answers a JSON 404 with a code, as a real backend would', async (method, path, body) => {
    const response = await api(method, path, { body });
    expect(response.status).toBe(404);
    expect(ApiErrorBodySchema.parse(await response.json())).toEqual({
      success: false,
      code: 'NOT_FOUND',
      message: `No such endpoint: ${method} ${path}`,
    });
  });
});
