import { CircleAlert } from 'lucide-react';
import { useId, type ReactNode } from 'react';

type PanelSectionProps = {
  title: string;
  /** One line under the title: what the section is for, where the title alone does not say. */
  hint?: string;
  /** Shown at the end of the title row (a button, a count). */
  aside?: ReactNode;
  children: ReactNode;
};

/** A region of the panel named by its heading, so it can be found by role. */
export function PanelSection({ title, hint, aside, children }: PanelSectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 px-4 py-4">
      <div>
        <div className="flex min-h-8 items-center justify-between gap-3">
          <h3 id={headingId} className="text-sm font-semibold tracking-wide text-gray-900 uppercase dark:text-gray-100">
            {title}
          </h3>
          {aside}
        </div>
        {hint ? <p className="text-xs text-gray-600 dark:text-gray-400">{hint}</p> : null}
      </div>
      {children}
    </section>
  );
}

export function InlineError({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="flex items-start gap-1.5 rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200"
    >
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span className="min-w-0 break-words">{children}</span>
    </p>
  );
}
