import type { Attempt, AuditEntry } from '@/contract/order';

export type TimelineEntry =
  { kind: 'attempt'; at: string; attempt: Attempt } | { kind: 'audit'; at: string; entry: AuditEntry };

/**
 * Attempts and audit entries as one history, newest first. An admin's request and the attempt it
 * started share a moment; the attempt comes first, as it followed the request.
 */
export function buildTimeline(attempts: readonly Attempt[], audit: readonly AuditEntry[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...audit.map((entry): TimelineEntry => ({ kind: 'audit', at: entry.at, entry })),
    ...attempts.map((attempt): TimelineEntry => ({ kind: 'attempt', at: attempt.startedAt, attempt })),
  ];
  // Both logs are kept in the order things happened, so among equal times the later-listed one is newer.
  return entries
    .map((entry, position) => ({ entry, time: Date.parse(entry.at), position }))
    .toSorted((a, b) => b.time - a.time || b.position - a.position)
    .map(({ entry }) => entry);
}
