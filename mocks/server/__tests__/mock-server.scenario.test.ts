import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { ScenarioDocument } from '@/contract/scenario-document';
import { startTestServer, temporaryStateDir } from './server-test-kit';

/** A scenario as a QA engineer attaches it to a report: one stuck order, SmartVPS slow to assign IPs. */
const stuckOrder: ScenarioDocument = {
  version: 1,
  name: 'one-stuck-order',
  description: 'One SmartVPS order bought and stuck without an IP.',
  demonstrates: 'Retry resumes the status check without a second purchase.',
  orders: [
    {
      id: 'ORD-7001',
      customer: 'Mei Lin',
      packageId: 'smartvps-2gb',
      status: 'confirmed',
      createdMinutesAgo: 31,
      paidMinutesAgo: 30,
      autoProvisioned: true,
      provisioningStatus: 'provisioning',
      lastAttemptMinutesAgo: 25,
      upstream: { id: 'svps-70412', ipAddress: '103.177.52.18', ipReadyInMinutes: 2 },
    },
  ],
  clock: { paused: true },
};

describe('npm run mock:server -- --scenario FILE', () => {
  test('the default tenant and every new tenant start from the document', async () => {
    const server = await startTestServer({ scenario: stuckOrder });
    expect((await server.state()).scenario).toBe('one-stuck-order');
    expect((await server.state('fresh-tenant')).scenario).toBe('one-stuck-order');
    // Registered with each, so a reset goes back to it.
    await server.reset('fresh-tenant', 'one-stuck-order');
    expect((await server.state('fresh-tenant')).scenario).toBe('one-stuck-order');
  });

  test('a tenant with saved state goes on from it; the default tenant starts the document, as asked', async () => {
    const stateDir = temporaryStateDir();
    const before = await startTestServer({ stateDir });
    await before.reset(undefined, 'empty');
    await before.reset('saved-tenant', 'smartvps-down');
    await before.close();

    const after = await startTestServer({ stateDir, scenario: stuckOrder });
    expect((await after.state('saved-tenant')).scenario).toBe('smartvps-down');
    expect((await after.state()).scenario).toBe('one-stuck-order');
  });
});

test('a tenant whose saved file cannot be read starts from the document, as one without saved state', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const stateDir = temporaryStateDir();
  writeFileSync(join(stateDir, 'broken-tenant.json'), '{"simulator": ');
  const server = await startTestServer({ stateDir, scenario: stuckOrder });
  expect((await server.state('broken-tenant')).scenario).toBe('one-stuck-order');
});

describe('a --scenario file the mock cannot start', () => {
  test('stops the server before it listens, with every problem at its JSON path', () => {
    const file = join(temporaryStateDir(), 'broken.json');
    writeFileSync(file, JSON.stringify({ ...stuckOrder, name: 'Broken Name', autoRunOrderIds: ['ORD-404'] }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'mocks/server/main.ts', '--scenario', file], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--scenario ${file} is not a scenario this mock can start`);
    expect(run.stderr).toContain('$.name: A scenario name is 1 to 64 lower-case letters');
  }, 30_000);
});
