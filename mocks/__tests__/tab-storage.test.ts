import { afterEach, describe, expect, test, vi } from 'vitest';
import { backendStorage } from '../tab-storage';

/** sessionStorage as a Map; `refuse` makes writes of that key throw, as a full storage does. */
function fakeStorage({ refuse }: { refuse?: string } = {}) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (key === refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

const page = (search = '') => new URL(`http://console.test/admin/manageOrders${search}`);

afterEach(() => vi.restoreAllMocks());

describe('backendStorage', () => {
  test("a start from the URL stays pending until the backend's first save, then is done", () => {
    const sessionStorage = fakeStorage();
    const storage = backendStorage(() => sessionStorage);
    expect(storage.takeStart(page('?scenario=huge&as=support'))).toEqual({ scenario: 'huge', as: 'support' });
    expect(sessionStorage.items.has('provision-console:mock-start')).toBe(true);

    storage.save('{"saved":1}');
    expect(storage.saved()).toBe('{"saved":1}');
    expect(sessionStorage.items.has('provision-console:mock-start')).toBe(false);
    // The next load resumes.
    expect(backendStorage(() => sessionStorage).takeStart(page())).toEqual({});
  });

  test('a reload before the first save starts again what the URL asked for', () => {
    const sessionStorage = fakeStorage();
    backendStorage(() => sessionStorage).takeStart(page('?scenario=huge&as=support'));
    // The page reloads while the worker is still seeding: no save came, and the URL no longer has the options.
    expect(backendStorage(() => sessionStorage).takeStart(page())).toEqual({ scenario: 'huge', as: 'support' });
  });

  test('a save the storage refuses drops the older data and keeps the start pending, so a reload starts from a seed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sessionStorage = fakeStorage({ refuse: 'provision-console:mock-backend' });
    sessionStorage.items.set('provision-console:mock-backend', '{"older":true}');
    const storage = backendStorage(() => sessionStorage);
    storage.takeStart(page('?scenario=large'));

    storage.save('{"newer":true}');
    expect(storage.saved()).toBeNull();
    expect(backendStorage(() => sessionStorage).takeStart(page())).toEqual({ scenario: 'large' });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not save'));
  });

  test('blocked storage keeps nothing and breaks nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = backendStorage(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(storage.saved()).toBeNull();
    expect(storage.takeStart(page('?scenario=empty'))).toEqual({ scenario: 'empty' });
    expect(() => storage.save('{}')).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
  });
});
