import { CircleAlert, Download, LoaderCircle } from 'lucide-react';
import { useId, useState, type DragEvent } from 'react';
import type { ScenarioIssue } from '@/contract/scenario-document';
import { Button } from '@/components/ui/button/button';
import { useSnapshot } from '../api/get-snapshot';
import { ScenarioFileError, useImportScenario } from '../api/import-scenario';
import { downloadJson } from './download-json';
import { InlineError, InlineStatus, PanelSection } from './panel-section';

export function ScenarioFileSection() {
  const importing = useImportScenario();
  const importFile = (file: File) => {
    if (!importing.isPending) importing.mutate(file);
  };
  const drop = useFileDrop(importFile);
  const fileName = importing.variables?.name;

  return (
    <PanelSection
      title="Scenario files"
      hint="Save the backend as it stands to a file, or start a scenario from one: a file exported here, or one written by hand."
      highlighted={drop.active}
      {...drop.handlers}
    >
      <ExportControl />
      <ImportField busy={importing.isPending} onFile={importFile} />
      {importing.error instanceof ScenarioFileError ? (
        <ImportProblems fileName={fileName} error={importing.error} />
      ) : importing.error ? (
        <InlineError>
          Could not import {fileName}: {importing.error.message}
        </InlineError>
      ) : null}
      <InlineStatus>
        {importing.data ? (
          <>
            Started <span className="font-mono font-semibold">{importing.data.scenario}</span> from {fileName}.
          </>
        ) : null}
      </InlineStatus>
    </PanelSection>
  );
}

function ExportControl() {
  const snapshot = useSnapshot();
  const exportSnapshot = () =>
    snapshot.mutate(undefined, { onSuccess: (document) => downloadJson(`${document.name}.json`, document) });
  return (
    <div className="space-y-2">
      <Button
        variant="outline"
        aria-disabled={snapshot.isPending}
        onClick={snapshot.isPending ? undefined : exportSnapshot}
      >
        {snapshot.isPending ? (
          <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
        ) : (
          <Download aria-hidden="true" className="size-3.5" />
        )}
        Export current state
      </Button>
      {snapshot.error ? <InlineError>Could not export the current state: {snapshot.error.message}</InlineError> : null}
      <InlineStatus>
        {snapshot.data ? (
          <>
            Downloaded <span className="font-mono wrap-anywhere">{snapshot.data.name}.json</span>: importing it starts
            the backend again from this moment.
          </>
        ) : null}
      </InlineStatus>
    </div>
  );
}

function ImportField({ busy, onFile }: { busy: boolean; onFile: (file: File) => void }) {
  const inputId = useId();
  const hintId = useId();
  return (
    <div className="space-y-2 rounded-lg border border-dashed border-gray-300 p-3 dark:border-gray-700">
      <label htmlFor={inputId} className="block text-sm font-medium">
        Import a scenario file
      </label>
      <input
        id={inputId}
        type="file"
        accept="application/json,.json"
        aria-describedby={hintId}
        aria-disabled={busy}
        // Not `disabled`, as elsewhere in the panel: focus stays on the field while the import runs.
        onClick={busy ? (event) => event.preventDefault() : undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) imports it again.
          event.target.value = '';
          if (file) onFile(file);
        }}
        className="block w-full rounded-md text-sm text-gray-600 file:mr-3 file:h-8 file:cursor-pointer file:rounded-md file:border file:border-gray-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-gray-800 hover:file:bg-gray-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 aria-disabled:cursor-not-allowed aria-disabled:opacity-70 dark:text-gray-300 dark:file:border-gray-600 dark:file:bg-gray-900 dark:file:text-gray-100 dark:hover:file:bg-gray-800 dark:focus-visible:outline-blue-400"
      />
      <p id={hintId} className="text-xs text-gray-600 dark:text-gray-400">
        A scenario document (.json), or drop one on this section. It is registered and started at once.
      </p>
    </div>
  );
}

/** Every problem of the file beside its JSON path, kept until the next import. */
function ImportProblems({ fileName, error }: { fileName: string | undefined; error: ScenarioFileError }) {
  const summaryId = useId();
  return (
    <div className="space-y-2 rounded-md border border-red-200 bg-red-50 px-2.5 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
      <p role="alert" id={summaryId} className="flex items-start gap-1.5">
        <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
        <span className="min-w-0 break-words">
          Could not import {fileName}: {error.message}. Nothing was started.
        </span>
      </p>
      {error.issues.length > 0 ? (
        <ul aria-labelledby={summaryId} className="space-y-1 pl-5.5">
          {error.issues.map((issue, index) => (
            // A document may have two problems at one path: the position tells them apart.
            <li key={index}>
              <IssueLine issue={issue} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function IssueLine({ issue }: { issue: ScenarioIssue }) {
  return (
    <>
      <code className="font-mono text-xs font-semibold wrap-anywhere">{issue.path}</code>
      {' — '}
      <span className="break-words">{issue.message}</span>
    </>
  );
}

/** Whether the drag carries files (not text or a link dragged from the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/** Takes the first file dropped on the element whose handlers these are, and says while one is over it. */
function useFileDrop(onFile: (file: File) => void) {
  const [active, setActive] = useState(false);
  return {
    active,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        // Accepting the drop: without this the browser opens the file in place of the console.
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setActive(true);
      },
      onDragLeave: (event: DragEvent) => {
        // Leaving for one of its own children is not leaving.
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) {
          setActive(false);
        }
      },
      onDrop: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setActive(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      },
    },
  };
}
