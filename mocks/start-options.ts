import {
  MAX_SPEED,
  MockResetResponseSchema,
  MockSessionResponseSchema,
  MockStartSessionSchema,
  MockStateSchema,
  type MockStartSession,
} from '@/contract/mock-control';
import { ApiErrorBodySchema } from '@/contract/errors';

const START_PARAMS = ['scenario', 'speed', 'clock', 'as'];

/** What a page load asks the mock backend for, from the URL. */
export type StartOptions = {
  scenario?: string;
  clock?: { speed?: number; paused?: boolean };
  as?: MockStartSession;
};

/**
 * The URL's start options: `?scenario=`, `&speed=`, `&clock=paused|running` and
 * `&as=admin|support|signedOut|expired`, removed from `url`. Values out of range are ignored; the
 * backend checks the scenario's name.
 */
export function takeStartOptions(url: URL): StartOptions {
  const scenario = url.searchParams.get('scenario');
  const speed = Number(url.searchParams.get('speed'));
  const clockParam = url.searchParams.get('clock');
  const as = MockStartSessionSchema.safeParse(url.searchParams.get('as'));
  for (const name of START_PARAMS) url.searchParams.delete(name);

  const clock = {
    ...(speed > 0 && speed <= MAX_SPEED ? { speed } : {}),
    ...(clockParam === 'paused' ? { paused: true } : clockParam === 'running' ? { paused: false } : {}),
  };
  return {
    ...(scenario ? { scenario } : {}),
    ...(Object.keys(clock).length > 0 ? { clock } : {}),
    ...(as.success ? { as: as.data } : {}),
  };
}

/**
 * Asks the backend for the start through its control API, as any client of it would (in the page's
 * own mock or a standalone server alike): a scenario from its seed (`/__mock/reset`), or only a
 * user (`/__mock/session`), then the clock; `origin` is the page's own unless given. Returns the
 * session the console should hold when the sessions were replaced. An unknown scenario is reported
 * and the backend goes on as it was.
 */
export async function applyStartOptions(
  { scenario, as, clock }: StartOptions,
  origin = '',
): Promise<{ token: string | null } | undefined> {
  const post = (path: string, body: unknown) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  let started: { token: string | null } | undefined;
  if (scenario !== undefined) {
    const response = await post('/__mock/reset', { scenario, ...(as ? { as } : {}) });
    if (response.ok) started = { token: MockResetResponseSchema.parse(await response.json()).sessionToken };
    else console.warn(`Scenario "${scenario}" was not started: ${await errorMessage(response)}`);
  }
  if (as !== undefined && started === undefined) {
    const response = await post('/__mock/session', { as });
    started = { token: MockSessionResponseSchema.parse(await answerOf(response)).sessionToken };
  }
  // One change at a time: the control API takes a speed or a pause, not both.
  if (clock?.speed !== undefined)
    MockStateSchema.parse(await answerOf(await post('/__mock/clock', { speed: clock.speed })));
  if (clock?.paused !== undefined)
    MockStateSchema.parse(await answerOf(await post('/__mock/clock', { paused: clock.paused })));
  return started;
}

async function answerOf(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await errorMessage(response)}`);
  return response.json();
}

async function errorMessage(response: Response): Promise<string> {
  const body = ApiErrorBodySchema.safeParse(await response.json().catch(() => null));
  return body.success ? body.data.message : `HTTP ${response.status}`;
}
