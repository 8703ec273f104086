import { CircleAlert, CircleCheck } from 'lucide-react';
import { useId, type ComponentProps, type ReactNode } from 'react';

type DropHandlers = Pick<ComponentProps<'section'>, 'onDragOver' | 'onDragLeave' | 'onDrop'>;

type PanelSectionProps = DropHandlers & {
  title: string;
  /** One line under the title: what the section is for, where the title alone does not say. */
  hint?: string;
  /** Shown at the end of the title row (a button, a count). */
  aside?: ReactNode;
  /** Outlines the section: something is dragged over it that it would take. */
  highlighted?: boolean;
  children: ReactNode;
};

/** A region of the panel named by its heading, so it can be found by role. */
export function PanelSection({
  title,
  hint,
  aside,
  highlighted = false,
  children,
  ...dropHandlers
}: PanelSectionProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`space-y-3 px-4 py-4 ${highlighted ? 'bg-blue-50 outline-2 -outline-offset-2 outline-blue-500 outline-dashed dark:bg-blue-950/40 dark:outline-blue-400' : ''}`}
      {...dropHandlers}
    >
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

/**
 * What a change did, once it is done. The live region stays in the page while empty: one added
 * with its text already in it is not announced by every screen reader.
 */
export function InlineStatus({ children }: { children: ReactNode }) {
  return (
    // An <output> is a status: found by that role, and polite.
    <output className="block">
      {children ? (
        <p className="flex items-start gap-1.5 rounded-md border border-green-200 bg-green-50 px-2.5 py-1.5 text-sm text-green-900 dark:border-green-900 dark:bg-green-950/40 dark:text-green-100">
          <CircleCheck aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span className="min-w-0 break-words">{children}</span>
        </p>
      ) : null}
    </output>
  );
}
