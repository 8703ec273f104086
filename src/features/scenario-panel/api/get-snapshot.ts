import { useMutation } from '@tanstack/react-query';
import { ScenarioDocumentSchema, type ScenarioDocument } from '@/contract/scenario-document';
import { apiRequest } from '@/lib/api-client';

/** The backend as it stands, as a scenario document that registering and starting reproduces. */
export function getSnapshot(): Promise<ScenarioDocument> {
  return apiRequest('/__mock/snapshot', ScenarioDocumentSchema);
}

/**
 * A read, but on demand and never cached: a snapshot is of one moment, and the admin asks for it
 * with a button whose busy and failed states a mutation gives.
 */
export function useSnapshot() {
  return useMutation({ mutationFn: getSnapshot });
}
