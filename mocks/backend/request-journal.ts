import type { RequestLogEntry } from '@/contract/mock-control';

const JOURNAL_LIMIT = 200;

/** The console's calls and the mock's answers, newest last: the scenario panel's request journal. */
export class RequestJournal {
  constructor(private entries: RequestLogEntry[] = []) {}

  record(entry: RequestLogEntry): void {
    this.entries = [...this.entries, entry].slice(-JOURNAL_LIMIT);
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }
}
