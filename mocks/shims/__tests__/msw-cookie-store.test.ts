import { describe, expect, test } from 'vitest';
import { cookieStore } from '../msw-cookie-store';

describe("MSW's cookie store in the browser build", () => {
  test('holds no cookies, so mocked requests carry none', () => {
    expect(cookieStore.getCookies('http://localhost:5173/api/orders')).toEqual([]);
  });

  test('a mocked response that sets a cookie fails loudly instead of being dropped', async () => {
    await expect(cookieStore.setCookie('session=abc; Path=/', 'http://localhost:5173/api/session')).rejects.toThrow(
      'A mocked response to http://localhost:5173/api/session sets a cookie',
    );
  });
});
