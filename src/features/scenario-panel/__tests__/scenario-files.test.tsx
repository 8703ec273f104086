import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { ScenarioDocumentSchema } from '@/contract/scenario-document';
import { oneFreshOrder, twoFreshOrders } from '@/testing/sample-scenarios';
import { setupMockBackend } from '@/testing/mock-backend';
import { findOrderRow, renderApp } from '@/testing/render-app';
import { openPanel } from './open-panel';

// The console as a mock build renders it: the flag is read once, when the app's modules load.
vi.hoisted(() => vi.stubEnv('VITE_API_MOCKING', 'enabled'));
afterAll(() => vi.unstubAllEnvs());

const { backend, server } = setupMockBackend();

const jsonFile = (name: string, content: unknown) =>
  new File([typeof content === 'string' ? content : JSON.stringify(content)], name, { type: 'application/json' });

/**
 * jsdom neither makes blob URLs nor downloads: the URL functions are stubbed and a link's click
 * is recorded, with the blob its URL stands for.
 */
function catchDownloads() {
  const blobs = new Map<string, Blob>();
  const downloads: { fileName: string; blob: Blob | undefined }[] = [];
  const revoked: string[] = [];
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:console.test/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => revoked.push(url),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, blob: blobs.get(this.href) });
  });
  return { downloads, revoked };
}

afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
  vi.restoreAllMocks();
});

/** The console with the panel open, `one-fresh-order` imported from a file and running: its scenario list. */
async function importOneFreshOrder() {
  const { user } = renderApp('/admin/manageOrders');
  const { section } = await openPanel(user);
  const files = section('Scenario files');
  await user.upload(within(files).getByLabelText('Import a scenario file'), jsonFile('one.json', oneFreshOrder));
  expect(await within(files).findByText(/^Started/)).toHaveTextContent('Started one-fresh-order');
  return { user, list: section('Scenario') };
}

describe('Scenario panel: scenario files', () => {
  test('Export downloads the current state as a scenario document named after the scenario and the time', async () => {
    const { downloads, revoked } = catchDownloads();
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    await user.click(within(await findOrderRow('ORD-1001')).getByRole('button', { name: 'Provision' }));
    await waitFor(() =>
      expect(backend.requests()).toContainEqual(
        expect.objectContaining({ path: '/api/orders/provision', status: 202 }),
      ),
    );
    const { section } = await openPanel(user);
    const files = section('Scenario files');

    await user.click(within(files).getByRole('button', { name: 'Export current state' }));

    const name = 'default-at-2026-11-24-1200';
    expect(await within(files).findByText(/^Downloaded/)).toHaveTextContent(`Downloaded ${name}.json`);
    expect(downloads).toHaveLength(1);
    const [download] = downloads;
    expect(download?.fileName).toBe(`${name}.json`);
    const document = ScenarioDocumentSchema.parse(JSON.parse((await download?.blob?.text()) ?? 'null'));
    expect(document.name).toBe(name);
    expect(document.description).toMatch(/^default as it stood at 2026-11-24T12:00:00/);
    // The run the click started is in the file, exactly as the backend holds it.
    const { state } = backend.snapshot();
    expect(document.state?.['simulator']).toEqual(state?.['simulator']);
    expect(JSON.stringify(document.state?.['simulator'])).toContain('ORD-1001');
    expect(revoked).toEqual(['blob:console.test/1']);
  });

  test('importing a hand-written file registers it, starts it, and marks it registered in the list', async () => {
    const { user } = renderApp('/admin/manageOrders');
    const { section } = await openPanel(user);
    const files = section('Scenario files');

    await user.upload(within(files).getByLabelText('Import a scenario file'), jsonFile('fresh.json', twoFreshOrders));

    expect(await within(files).findByText(/^Started/)).toHaveTextContent('Started two-fresh-orders from fresh.json.');
    expect(backend.state().scenario).toBe('two-fresh-orders');
    expect(await findOrderRow('ORD-5001')).toBeInTheDocument();
    const item = within(section('Scenario')).getByRole('listitem', { name: 'two-fresh-orders' });
    expect(item).toHaveAttribute('aria-current', 'true');
    expect(within(item).getByText('Registered')).toBeInTheDocument();
    expect(within(section('Scenario')).getByRole('listitem', { name: 'default' })).not.toHaveTextContent('Registered');
    expect(screen.getByRole('button', { name: 'Scenarios: two-fresh-orders' })).toBeInTheDocument();
  });

  test('a file with mistakes lists each problem beside its path, and nothing starts', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const files = section('Scenario files');
    const scenarios = await within(section('Scenario')).findAllByRole('listitem');

    await user.upload(
      within(files).getByLabelText('Import a scenario file'),
      jsonFile('broken.json', { ...twoFreshOrders, name: 'Two Fresh Orders', clock: { speed: 0 } }),
    );

    expect(await within(files).findByRole('alert')).toHaveTextContent(
      'Could not import broken.json: The scenario document has 2 problems. Nothing was started.',
    );
    const problems = within(files)
      .getByRole('list', { name: /Could not import broken\.json/ })
      .querySelectorAll('li');
    expect([...problems].map((problem) => problem.textContent)).toEqual([
      expect.stringMatching(/^\$\.name — A scenario name is 1 to 64 lower-case letters/),
      expect.stringMatching(/^\$\.clock\.speed — ./),
    ]);
    expect(backend.state().scenario).toBe('default');
    expect(within(section('Scenario')).getAllByRole('listitem')).toHaveLength(scenarios.length);
  });

  test('a file that is not JSON says so', async () => {
    const { user } = renderApp('/admin/manageOrders?q=ORD-1001');
    const { section } = await openPanel(user);
    const files = section('Scenario files');

    await user.upload(
      within(files).getByLabelText('Import a scenario file'),
      jsonFile('notes.json', '{ "version": 1,'),
    );

    expect(await within(files).findByRole('alert')).toHaveTextContent(
      /^Could not import notes\.json: it is not JSON \(.+\)\. Nothing was started\.$/,
    );
    expect(backend.state().scenario).toBe('default');
  });

  test('a file dropped on the section is imported like a chosen one', async () => {
    const { user } = renderApp('/admin/manageOrders');
    const { section } = await openPanel(user);
    const files = section('Scenario files');
    const dataTransfer = { types: ['Files'], files: [jsonFile('fresh.json', twoFreshOrders)], dropEffect: 'none' };

    fireEvent.dragOver(files, { dataTransfer });
    fireEvent.drop(files, { dataTransfer });

    await waitFor(() => expect(backend.state().scenario).toBe('two-fresh-orders'));
    expect(await within(files).findByText(/^Started/)).toHaveTextContent('Started two-fresh-orders from fresh.json.');
  });

  test('Remove forgets a registered scenario; the running one runs on, and focus moves to its neighbour', async () => {
    const { user, list } = await importOneFreshOrder();
    const names = within(list)
      .getAllByRole('button', { name: /^(Start|Current) / })
      .map((button) => button.textContent.replace(/^(Start|Current) /, ''));
    const neighbour = names[names.indexOf('one-fresh-order') + 1] ?? names[names.indexOf('one-fresh-order') - 1];
    expect(
      within(within(list).getByRole('listitem', { name: 'default' })).queryByRole('button', { name: /^Remove/ }),
    ).toBeNull();

    await user.click(within(list).getByRole('button', { name: 'Remove one-fresh-order' }));

    expect(await within(list).findByText(/^Removed/)).toHaveTextContent(
      'Removed one-fresh-order: it runs on until another scenario starts. Import its file to add it again.',
    );
    expect(within(list).queryByRole('listitem', { name: 'one-fresh-order' })).toBeNull();
    const neighbourItem = within(list).getByRole('listitem', { name: neighbour });
    await waitFor(() => expect(within(neighbourItem).getByRole('button', { name: /^(Start|Current) / })).toHaveFocus());
    expect(backend.state().scenario).toBe('one-fresh-order');
    expect(await findOrderRow('ORD-1001')).toBeInTheDocument();
  });

  test('a removal that fails says why and keeps the scenario listed', async () => {
    const { user, list } = await importOneFreshOrder();
    server.use(http.delete('*/__mock/scenarios/:name', () => HttpResponse.error()));

    await user.click(within(list).getByRole('button', { name: 'Remove one-fresh-order' }));

    expect(await within(list).findByRole('alert')).toHaveTextContent(
      'Could not remove one-fresh-order: Could not reach the server: check your connection',
    );
    expect(within(list).getByRole('listitem', { name: 'one-fresh-order' })).toBeInTheDocument();
  });
});
