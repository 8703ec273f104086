import { z } from '@/lib/zod';
import type { MockState } from '@/contract/mock-control';
import {
  InvalidScenarioBodySchema,
  RegisterScenarioResponseSchema,
  type ScenarioIssue,
} from '@/contract/scenario-document';
import { apiRequest } from '@/lib/api-client';
import { useControlMutation } from './control-mutation';
import { resetScenario } from './reset-scenario';

/** A scenario file the backend did not take: unreadable, or with problems, each at its JSON path. */
export class ScenarioFileError extends Error {
  override readonly name = 'ScenarioFileError';
  constructor(
    message: string,
    readonly issues: readonly ScenarioIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * Both answers are data: a 400 INVALID_SCENARIO carries every problem, which the API client's error
 * (code and message only) would drop. Any other refusal (409 SCENARIO_EXISTS) throws as usual.
 */
const RegisterAnswerSchema = z.union([RegisterScenarioResponseSchema, InvalidScenarioBodySchema]);

/** Registers a scenario document (replacing a registered one of that name); returns its name. */
export async function registerScenario(document: unknown): Promise<string> {
  const answer = await apiRequest('/__mock/scenarios', RegisterAnswerSchema, { method: 'POST', body: document });
  if ('issues' in answer) throw new ScenarioFileError(answer.message, answer.issues);
  return answer.name;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScenarioFileError(`it is not JSON (${error instanceof Error ? error.message : 'unreadable'})`);
  }
}

/** Reads a scenario file, registers it, and starts it: nothing starts unless the backend took the file. */
export async function importScenario(file: File): Promise<MockState> {
  const name = await registerScenario(parseJson(await file.text()));
  return resetScenario(name);
}

export function useImportScenario() {
  return useControlMutation(importScenario);
}
