import { ScenarioDocumentSchema } from '@/contract/scenario-document';
import { z } from '@/lib/zod';

/** The scenario document's JSON Schema, generated from the contract's zod schema, for editors to complete and check files with. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioDocumentSchema, { target: 'draft-2020-12', io: 'input' }),
    title: 'Provision Console scenario document',
    description: 'A scenario of the Provision Console mock backend: see docs/scenarios.md in its repository.',
  };
}
