import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { RequestLogResponseSchema } from '@/contract/mock-control';
import { MINUTE_MS } from '@/lib/time';
import { CORRUPT_SAVED_DATA_NOTICE } from '../../backend/mock-backend';
import { startTestServer, temporaryStateDir } from './server-test-kit';

test('a restart mid-run loses nothing and buys nothing twice', async () => {
  const stateDir = temporaryStateDir();
  const before = await startTestServer({ stateDir });
  const token = await before.reset('shop');
  expect(await before.provision('ORD-1001', token, 'shop')).toBe(202);
  await before.advance(5_000, 'shop');
  expect((await before.order('ORD-1001', token, 'shop')).activeRun).not.toBeNull();
  await before.close();

  const after = await startTestServer({ stateDir });
  // The same session, the same run and journal, on the clock where it stopped.
  expect((await after.order('ORD-1001', token, 'shop')).activeRun).not.toBeNull();
  const { requests } = RequestLogResponseSchema.parse(
    await (await after.call('GET', '/__mock/requests', { tenant: 'shop' })).json(),
  );
  expect(requests).toContainEqual(expect.objectContaining({ path: '/api/orders/provision', status: 202 }));
  expect(await after.provision('ORD-1001', token, 'shop')).toBe(409);
  await after.advance(10 * MINUTE_MS, 'shop');

  expect(await after.purchases('shop')).toEqual(['ORD-1001', 'ORD-1007', 'ORD-1008']);
  const order = await after.order('ORD-1001', token, 'shop');
  expect(order.status).toBe('active');
  expect(order.ipAddress).not.toBeNull();
});

test('POST /__mock/reset starts over, and a restart keeps the fresh start', async () => {
  const stateDir = temporaryStateDir();
  const before = await startTestServer({ stateDir });
  const token = await before.reset();
  expect(await before.provision('ORD-1001', token)).toBe(202);
  await before.advance(10 * MINUTE_MS);
  await before.reset(undefined, 'empty');
  await before.close();

  const after = await startTestServer({ stateDir });
  expect((await after.state()).scenario).toBe('empty');
  expect(await after.purchases()).toEqual([]);
});

test.each([
  ['not JSON', '{"simulator": '],
  ['JSON of another shape', '{"version": 0, "orders": []}'],
])(
  'a saved file that is %s is set aside with a message, and the tenant starts from the seed with the notice',
  async (_, content) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stateDir = temporaryStateDir();
    writeFileSync(join(stateDir, 'team-a.json'), content);
    const server = await startTestServer({ stateDir });

    const state = await server.state('team-a');

    expect(state).toMatchObject({ scenario: 'default', notice: CORRUPT_SAVED_DATA_NOTICE });
    const aside = readdirSync(stateDir).filter((file) => file.startsWith('team-a.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(stateDir, aside[0] ?? ''), 'utf8')).toBe(content);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/tenant "team-a".*could not be read.*kept it as .*team-a\.corrupt-/),
    );
    // Its file now holds the fresh start, which a restart reads without a notice.
    await server.close();
    expect((await (await startTestServer({ stateDir })).state('team-a')).notice).toBeNull();
  },
);

test('a tenant whose file cannot be read at all is moved aside, and the tenant starts from the seed with the notice', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const stateDir = temporaryStateDir();
  // A folder where the file should be: reading it fails, not parsing it.
  mkdirSync(join(stateDir, 'team-b.json'));
  const server = await startTestServer({ stateDir });

  expect(await server.state('team-b')).toMatchObject({ scenario: 'default', notice: CORRUPT_SAVED_DATA_NOTICE });
  expect(readdirSync(stateDir).filter((file) => file.startsWith('team-b.corrupt-'))).toHaveLength(1);
  const [message, cause] = warn.mock.calls.at(-1) ?? [];
  expect(message).toMatch(/tenant "team-b".*could not be read/);
  expect(cause).toBeInstanceOf(Error);
  expect((await server.state()).scenario).toBe('default');
});
