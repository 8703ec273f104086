import { FlaskConical, TriangleAlert, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { MockBackendHost } from '@/contract/mock-control';
import { useMockState } from '../api/get-mock-state';
import { ClockSection } from './clock-section';
import { ComingUpSection } from './coming-up-section';
import { FaultSection } from './fault-section';
import { RequestJournal } from './request-journal';
import { ScenarioFileSection } from './scenario-file-section';
import { ScenarioSection } from './scenario-section';
import { SessionSection } from './session-section';
import { UpstreamJournal } from './upstream-journal';

/**
 * The scenario panel: a button bottom-left (the toasts own bottom-right) that opens a non-modal
 * sheet, so the page stays usable while designers and QA drive the simulated backend.
 */
export function ScenarioPanel() {
  const [open, setOpen] = useState(false);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const sheetId = useId();
  const close = () => {
    setOpen(false);
    launcherRef.current?.focus();
  };
  return (
    <>
      <MockNotice />
      <Launcher launcherRef={launcherRef} open={open} sheetId={sheetId} onToggle={() => setOpen(!open)} />
      {open ? <Sheet id={sheetId} onClose={close} /> : null}
    </>
  );
}

/** What the mock must tell the user about itself (e.g. unreadable saved data), above the launcher. */
function MockNotice() {
  const notice = useMockState({ poll: false }).data?.notice;
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!notice || notice === dismissed) return null;
  return (
    <div
      role="alert"
      className="fixed bottom-16 left-4 z-40 flex max-w-sm items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 shadow-lg dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p className="flex-1">{notice}</p>
      <button
        type="button"
        aria-label="Dismiss mock notice"
        onClick={() => setDismissed(notice)}
        className="rounded p-0.5 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-amber-900"
      >
        <X aria-hidden="true" className="size-4" />
      </button>
    </div>
  );
}

type LauncherProps = {
  launcherRef: RefObject<HTMLButtonElement | null>;
  open: boolean;
  sheetId: string;
  onToggle: () => void;
};

function Launcher({ launcherRef, open, sheetId, onToggle }: LauncherProps) {
  const scenario = useMockState({ poll: false }).data?.scenario;
  return (
    <button
      ref={launcherRef}
      type="button"
      aria-expanded={open}
      aria-controls={open ? sheetId : undefined}
      onClick={onToggle}
      className="fixed bottom-4 left-4 z-40 inline-flex h-10 items-center gap-2 rounded-full border border-gray-300 bg-white pr-2 pl-3.5 text-sm font-medium text-gray-800 shadow-lg transition-colors hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 aria-expanded:border-blue-400 aria-expanded:ring-2 aria-expanded:ring-blue-200 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800 dark:focus-visible:outline-blue-400 dark:aria-expanded:border-blue-500 dark:aria-expanded:ring-blue-900"
    >
      <FlaskConical aria-hidden="true" className="size-4 text-blue-600 dark:text-blue-400" />
      {/* Named by its content, "Scenarios: default", which holds its visible text (WCAG 2.5.3, Label in
          Name). One flex item: browsers pad each flex item's text with spaces when they compute the
          name. The colon is hidden by a zero font size, not `sr-only`, which is absolutely positioned,
          hence a block, and padded too ("Scenarios : default"). */}
      <span className="whitespace-nowrap">
        Scenarios
        {scenario ? (
          <>
            <span className="text-[0px]">:</span>{' '}
            <span className="ml-1 rounded-full bg-blue-50 px-2 py-0.5 font-mono text-xs text-blue-800 ring-1 ring-blue-200 ring-inset dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-800">
              {scenario}
            </span>
          </>
        ) : null}
      </span>
    </button>
  );
}

/** Who shares this backend: a tester must know whether another tab sees what this one does. */
const backendPlaces: Record<MockBackendHost, string> = {
  browserProfile: 'The simulated backend, shared by every tab of this browser.',
  browserTab: 'The simulated backend of this tab alone: this browser has no SharedWorker, so each tab has its own.',
  server: 'The simulated backend on the standalone mock server, shared by every client of it.',
};

function BackendPlace() {
  const runsIn = useMockState({ poll: false }).data?.runsIn;
  return (
    <p className="text-xs text-gray-600 dark:text-gray-400">
      {runsIn ? backendPlaces[runsIn] : 'The simulated backend, in mock builds only.'}
    </p>
  );
}

function Sheet({ id, onClose }: { id: string; onClose: () => void }) {
  const sheetRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Focus moves into the sheet on open, so the keyboard and screen readers land in it.
  useEffect(() => sheetRef.current?.focus(), []);
  return (
    // `open` without showModal(): a non-modal dialog, so the page behind stays usable. The m-0, p-0,
    // h-auto and max-h-none classes undo the browser's centring styles for dialogs.
    <dialog
      ref={sheetRef}
      id={id}
      open
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      className="fixed top-4 bottom-18 left-4 z-40 m-0 flex h-auto max-h-none w-[calc(100vw-2rem)] max-w-md flex-col p-0 overflow-hidden rounded-xl border border-gray-200 bg-white text-gray-900 shadow-2xl outline-none dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100"
    >
      <header className="flex items-start gap-3 border-b border-gray-200 px-4 py-3 dark:border-gray-800">
        <FlaskConical aria-hidden="true" className="mt-0.5 size-5 text-blue-600 dark:text-blue-400" />
        <div className="min-w-0 flex-1">
          <h2 id={titleId} className="text-base font-semibold">
            Scenarios
          </h2>
          <BackendPlace />
        </div>
        <button
          type="button"
          aria-label="Close scenarios"
          onClick={onClose}
          className="rounded p-1 text-gray-500 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100 dark:focus-visible:outline-blue-400"
        >
          <X aria-hidden="true" className="size-4" />
        </button>
      </header>
      {/* The clock stays in view: advancing time while watching the page is what the panel is used for most. */}
      <div className="border-b border-gray-200 dark:border-gray-800">
        <ClockSection />
      </div>
      {/* `relative` keeps the screen-reader-only labels (absolutely positioned) inside this scroller:
          otherwise they overflow the sheet, and focusing one scrolls the header out of view. */}
      <div className="relative min-h-0 flex-1 divide-y divide-gray-200 overflow-y-auto overscroll-contain dark:divide-gray-800">
        {/* First under the clock: jumping to what is due next is, with the clock, what the panel is for. */}
        <ComingUpSection />
        <SessionSection />
        <ScenarioSection />
        <ScenarioFileSection />
        <FaultSection />
        <RequestJournal />
        <UpstreamJournal />
      </div>
    </dialog>
  );
}
