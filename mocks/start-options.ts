import { MAX_SPEED, MockStartSessionSchema } from '@/contract/mock-control';
import { z } from '@/lib/zod';

const START_PARAMS = ['scenario', 'speed', 'clock', 'as'];

const StartOptionsSchema = z.object({
  scenario: z.optional(z.string()),
  clock: z.optional(
    z.object({
      speed: z.optional(z.number().check(z.positive(), z.maximum(MAX_SPEED))),
      paused: z.optional(z.boolean()),
    }),
  ),
  as: z.optional(MockStartSessionSchema),
});

/** How the mock backend starts: the URL's overrides, kept pending between loads as this schema says. */
export type StartOptions = z.infer<typeof StartOptionsSchema>;

/**
 * What a page load asks the mock backend for: `?scenario=`, `&speed=`, `&clock=paused|running` and
 * `&as=admin|support|signedOut|expired`, which are removed from `url` so that a reload continues
 * instead of restarting. A load whose URL has none of them repeats the pending start (the options of
 * a start that a reload interrupted before the backend saved it), if any. Returns the start to keep
 * pending until the backend saves: these options, or null when there is nothing to start.
 * Values out of range are ignored; the worker checks the scenario's name.
 */
export function takeStartOptions(
  url: URL,
  pendingStart: string | null,
): { options: StartOptions; pendingStart: string | null } {
  const scenario = url.searchParams.get('scenario');
  const speed = Number(url.searchParams.get('speed'));
  const clockParam = url.searchParams.get('clock');
  const as = MockStartSessionSchema.safeParse(url.searchParams.get('as'));
  for (const name of START_PARAMS) url.searchParams.delete(name);

  const clock = {
    ...(speed > 0 && speed <= MAX_SPEED ? { speed } : {}),
    ...(clockParam === 'paused' ? { paused: true } : clockParam === 'running' ? { paused: false } : {}),
  };
  const fromUrl: StartOptions = {
    ...(scenario ? { scenario } : {}),
    ...(Object.keys(clock).length > 0 ? { clock } : {}),
    ...(as.success ? { as: as.data } : {}),
  };
  if (Object.keys(fromUrl).length > 0) return { options: fromUrl, pendingStart: JSON.stringify(fromUrl) };
  const pending = parsePendingStart(pendingStart);
  return pending ? { options: pending, pendingStart } : { options: {}, pendingStart: null };
}

function parsePendingStart(serialized: string | null): StartOptions | null {
  if (serialized === null) return null;
  try {
    const parsed = StartOptionsSchema.safeParse(JSON.parse(serialized));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
