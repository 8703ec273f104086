import type { ScenarioSummary } from '@/contract/mock-control';
import { parseScenarioDocument, type ScenarioDocument, type ScenarioIssue } from '@/contract/scenario-document';
import { builtInDocument, scenarios } from '../scenarios/catalogue';
import { resolveScenario } from '../scenarios/resolve';
import type { Scenario } from '../scenarios/scenario';

/** What `DELETE /__mock/scenarios/:name` did. */
export type Removal = 'removed' | 'builtIn' | 'unknown';

export type Registration =
  | { ok: true; name: string }
  | { ok: false; problem: 'invalid'; issues: ScenarioIssue[] }
  | { ok: false; problem: 'builtIn'; name: string };

/**
 * The scenarios a backend can start: the built-in catalogue, and the documents registered with it
 * (`POST /__mock/scenarios`), which are saved with the backend until removed. Registering a name
 * again replaces that document; a built-in's name cannot be taken, nor a built-in removed.
 */
export class ScenarioRegistry {
  private readonly registered = new Map<string, { document: ScenarioDocument; scenario: Scenario }>();

  /**
   * `checkState` finds the problems of a snapshot's `state`, in the backend's own format. `saved`
   * documents were checked when registered; one that no longer resolves (a built-in it extends was
   * renamed since) is left out, and said so.
   */
  constructor(
    private readonly checkState: (state: Record<string, unknown>) => ScenarioIssue[],
    saved: readonly ScenarioDocument[] = [],
  ) {
    for (const document of saved) {
      const registration = this.register(document);
      if (!registration.ok)
        console.warn(`The saved scenario "${document.name}" no longer resolves, so it is left out.`);
    }
  }

  register(input: unknown): Registration {
    const parsed = parseScenarioDocument(input);
    if (!parsed.ok) return { ok: false, problem: 'invalid', issues: parsed.issues };
    const { document } = parsed;
    if (scenarios.has(document.name)) return { ok: false, problem: 'builtIn', name: document.name };
    const resolved = resolveScenario(document, builtInDocument);
    const stateIssues = document.state ? this.checkState(document.state) : [];
    if (!resolved.ok || stateIssues.length > 0) {
      return { ok: false, problem: 'invalid', issues: [...(resolved.ok ? [] : resolved.issues), ...stateIssues] };
    }
    this.registered.set(document.name, { document, scenario: resolved.scenario });
    return { ok: true, name: document.name };
  }

  remove(name: string): Removal {
    if (scenarios.has(name)) return 'builtIn';
    return this.registered.delete(name) ? 'removed' : 'unknown';
  }

  find(name: string): Scenario | undefined {
    return scenarios.get(name) ?? this.registered.get(name)?.scenario;
  }

  /** A scenario's document as it was written: a built-in's file, or what was registered. */
  document(name: string): ScenarioDocument | undefined {
    return builtInDocument(name) ?? this.registered.get(name)?.document;
  }

  list(): ScenarioSummary[] {
    const summary = ({ name, description, demonstrates }: Scenario, source: ScenarioSummary['source']) => ({
      name,
      description,
      demonstrates,
      source,
    });
    return [
      ...[...scenarios.values()].map((scenario) => summary(scenario, 'builtIn')),
      ...[...this.registered.values()].map(({ scenario }) => summary(scenario, 'registered')),
    ];
  }

  names(): string[] {
    return [...scenarios.keys(), ...this.registered.keys()];
  }

  /** What the backend saves: the registered documents. */
  snapshot(): ScenarioDocument[] {
    return [...this.registered.values()].map(({ document }) => document);
  }
}
