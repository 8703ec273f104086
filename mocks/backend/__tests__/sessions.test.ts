import { describe, expect, test, vi } from 'vitest';
import { MockBackend } from '../mock-backend';
import type { SnapshotStore } from '../persistence';
import { ProvisioningSimulator } from '../../simulator/simulator';

/** The list index's idle slices are not under test here. */
const budgetClock = () => performance.now();

const WALL = Date.parse('2026-11-24T12:00:30.000Z');

function memoryStore(): SnapshotStore & { value: string | null } {
  return {
    value: null,
    load() {
      return this.value;
    },
    save(serialized) {
      this.value = serialized;
    },
  };
}

const bearer = (token: string | null | undefined) => (token ? `Bearer ${token}` : null);
const boot = (store: SnapshotStore, options: { scenario?: string } = {}) =>
  new MockBackend({
    runsIn: 'browserTab',
    budgetClock,
    wallNow: () => WALL,
    store,
    clock: { paused: true },
    ...options,
  });

describe('MockBackend sessions', () => {
  test.each([
    ['default', { kind: 'user', user: { role: 'admin' } }],
    ['support-agent', { kind: 'user', user: { role: 'support' } }],
    ['session-expired', { kind: 'expired' }],
    ['signed-out', { kind: 'missing' }],
  ] as const)('%s starts signed in as it says, and hands the console that token', (scenario, expected) => {
    const backend = boot(memoryStore(), { scenario });
    expect(backend.authenticate(bearer(backend.initialSession?.token))).toMatchObject(expected);
  });

  test('a reload keeps every session, signed-in or expired, and leaves the console its own token', () => {
    const store = memoryStore();
    const first = boot(store, { scenario: 'session-expired' });
    const expired = first.initialSession?.token;
    const signedIn = first.signIn('support@reseller.test', 'support-demo');

    const reloaded = boot(store);
    expect(reloaded.initialSession).toBeUndefined();
    expect(reloaded.authenticate(bearer(expired))).toEqual({ kind: 'expired' });
    expect(reloaded.authenticate(bearer(signedIn?.token))).toMatchObject({
      kind: 'user',
      user: { email: 'support@reseller.test' },
    });
  });

  test('a sign-out is still signed out after a reload', () => {
    const store = memoryStore();
    const first = boot(store, { scenario: 'default' });
    const token = first.initialSession?.token ?? '';
    first.signOut(bearer(token));
    expect(boot(store).authenticate(bearer(token))).toEqual({ kind: 'unknown' });
  });

  test('a reset replaces every session', () => {
    const backend = boot(memoryStore(), { scenario: 'default' });
    const before = backend.initialSession?.token;
    const other = backend.signIn('sam@reseller.test', 'sam-demo');
    const token = backend.reset('default', {}, 'admin');
    expect(backend.authenticate(bearer(before))).toEqual({ kind: 'unknown' });
    expect(backend.authenticate(bearer(other?.token))).toEqual({ kind: 'unknown' });
    expect(backend.authenticate(bearer(token))).toMatchObject({ kind: 'user' });
  });

  test.each([
    ['no header', null, 'missing'],
    ['an empty bearer', 'Bearer ', 'missing'],
    ['another scheme', 'Basic YWRtaW46YWRtaW4tZGVtbw==', 'missing'],
    ['an inherited property name', 'Bearer constructor', 'unknown'],
    ['a prototype key', 'Bearer __proto__', 'unknown'],
  ])('authenticate reads %s as no session', (_name, header, kind) => {
    expect(boot(memoryStore(), { scenario: 'default' }).authenticate(header)).toEqual({ kind });
  });

  test('the Bearer scheme is case-insensitive', () => {
    const backend = boot(memoryStore(), { scenario: 'default' });
    expect(backend.authenticate(`bearer ${backend.initialSession?.token}`)).toMatchObject({ kind: 'user' });
  });

  test('sign-in checks the password of the account, whatever the case of the email', () => {
    const backend = boot(memoryStore(), { scenario: 'signed-out' });
    expect(backend.signIn('SAM@reseller.test', 'sam-demo')?.user).toEqual({
      email: 'sam@reseller.test',
      name: 'Sam Okoro',
      role: 'admin',
    });
    expect(backend.signIn('sam@reseller.test', 'SAM-DEMO')).toBeNull();
    expect(backend.signIn('sam@reseller.test', 'admin-demo')).toBeNull();
  });

  describe('the start, as the page sees it', () => {
    /** What a start does, in order: the session announced, the world built, the data saved. */
    function start(store: SnapshotStore, options: { scenario?: string; as?: 'admin' | 'support' } = {}) {
      const steps: string[] = [];
      const recording: SnapshotStore = {
        load: () => store.load(),
        save: (serialized) => (steps.push('save'), store.save(serialized)),
      };
      const { seed, restore } = ProvisioningSimulator;
      const seedSpy = vi
        .spyOn(ProvisioningSimulator, 'seed')
        .mockImplementation((...args) => (steps.push('build'), seed.call(ProvisioningSimulator, ...args)));
      const restoreSpy = vi
        .spyOn(ProvisioningSimulator, 'restore')
        .mockImplementation((...args) => (steps.push('build'), restore.call(ProvisioningSimulator, ...args)));
      try {
        const backend = new MockBackend({
          runsIn: 'browserTab',
          budgetClock,
          wallNow: () => WALL,
          store: recording,
          ...options,
          onSessionsReady: () => steps.push('session'),
        });
        return { steps, backend };
      } finally {
        seedSpy.mockRestore();
        restoreSpy.mockRestore();
      }
    }

    test.each([
      ['a fresh scenario', 'a new session', { scenario: 'default' }, false],
      ['a first visit', 'a new session', {}, false],
      ['a reload', 'the saved sessions', {}, true],
    ])('%s announces %s before it builds the orders, then saves once', (_, session, options, afterAnotherStart) => {
      const store = memoryStore();
      if (afterAnotherStart) boot(store, { scenario: 'default' });
      const { steps, backend } = start(store, options);
      expect(steps).toEqual(['session', 'build', 'save']);
      expect(backend.initialSession === undefined ? 'the saved sessions' : 'a new session').toBe(session);
    });
  });
});
