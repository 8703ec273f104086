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

afterEach(() => vi.restoreAllMocks());

describe('backendStorage', () => {
  test('keeps what the backend saved for the next load of the tab', () => {
    const sessionStorage = fakeStorage();
    const storage = backendStorage(() => sessionStorage);
    expect(storage.saved()).toBeNull();
    storage.save('{"saved":1}');
    expect(backendStorage(() => sessionStorage).saved()).toBe('{"saved":1}');
  });

  test('a save the storage refuses drops the older data, so a reload starts from a seed', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sessionStorage = fakeStorage({ refuse: 'provision-console:mock-backend' });
    sessionStorage.items.set('provision-console:mock-backend', '{"older":true}');
    const storage = backendStorage(() => sessionStorage);

    storage.save('{"newer":true}');
    expect(storage.saved()).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not save'));
  });

  test('blocked storage keeps nothing and breaks nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = backendStorage(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(storage.saved()).toBeNull();
    expect(() => storage.save('{}')).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
  });
});
