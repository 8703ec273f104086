import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useRef, type ReactNode } from 'react';

type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** Read with the title by screen readers; omit only when the body says it all. */
  description?: ReactNode;
  /** `center` for a confirmation, `right` for a drawer that keeps the page behind it in view. */
  placement?: 'center' | 'right';
  children: ReactNode;
};

const placementClasses = {
  center: 'top-1/2 left-1/2 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg',
  right: 'inset-y-0 right-0 w-[min(40rem,100vw)] overflow-y-auto border-l border-gray-200 dark:border-gray-800',
} as const;

/**
 * A modal dialog (Radix): focus moves in and is trapped, Escape and the close button dismiss it,
 * focus returns to what opened it, and the title and description name it for screen readers.
 */
export function Dialog({ open, onOpenChange, title, description, placement = 'center', children }: DialogProps) {
  // Radix returns focus to its own Trigger only; these dialogs are opened by ordinary buttons and links.
  const openerRef = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-gray-950/40 dark:bg-black/60" />
        <RadixDialog.Content
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
          onOpenAutoFocus={() => {
            openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(event) => {
            const opener = openerRef.current;
            if (opener?.isConnected) {
              event.preventDefault();
              opener.focus();
            }
          }}
          className={`fixed z-50 bg-white p-5 text-gray-900 shadow-xl focus-visible:outline-none dark:bg-gray-900 dark:text-gray-100 ${placementClasses[placement]}`}
        >
          <div className="mb-3 flex items-start gap-3">
            <RadixDialog.Title className="flex-1 text-lg font-semibold">{title}</RadixDialog.Title>
            <RadixDialog.Close
              aria-label="Close"
              className="rounded p-1 text-gray-600 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-gray-300 dark:hover:bg-gray-800"
            >
              <X aria-hidden="true" className="size-4" />
            </RadixDialog.Close>
          </div>
          {description === undefined ? null : (
            <RadixDialog.Description className="mb-4 text-sm text-gray-700 dark:text-gray-300">
              {description}
            </RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
