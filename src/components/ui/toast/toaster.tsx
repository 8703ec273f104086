import * as RadixToast from '@radix-ui/react-toast';
import { CircleAlert, CircleCheck, Info, TriangleAlert, X, type LucideIcon } from 'lucide-react';
import { useId } from 'react';
import { useToastStore, type Toast, type ToastTone } from './toast-store';

const tones: Record<ToastTone, { label: string; Icon: LucideIcon; classes: string; durationMs: number }> = {
  info: {
    label: 'Info',
    Icon: Info,
    classes: 'border-blue-300 text-blue-700 dark:border-blue-700 dark:text-blue-300',
    durationMs: 5_000,
  },
  success: {
    label: 'Success',
    Icon: CircleCheck,
    classes: 'border-green-300 text-green-700 dark:border-green-700 dark:text-green-300',
    durationMs: 5_000,
  },
  // Problems stay longer: the admin usually has to act on them.
  warning: {
    label: 'Warning',
    Icon: TriangleAlert,
    classes: 'border-amber-300 text-amber-700 dark:border-amber-700 dark:text-amber-300',
    durationMs: 10_000,
  },
  error: {
    label: 'Error',
    Icon: CircleAlert,
    classes: 'border-red-300 text-red-700 dark:border-red-700 dark:text-red-300',
    durationMs: 10_000,
  },
};

/** The toasts on screen, Radix's toast machinery around them. */
export default function Toaster() {
  const toasts = useToastStore((state) => state.toasts);
  return (
    <RadixToast.Provider swipeDirection="right">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
      {/* aria-live (off: Radix announces each toast itself) keeps the toasts out of what a modal dialog
          hides from assistive technology. The viewport lets clicks through to the page (it covers the
          bottom-right corner even when empty); each toast takes them, over a modal dialog too. */}
      <RadixToast.Viewport
        aria-live="off"
        className="pointer-events-none fixed right-0 bottom-0 z-50 flex max-h-dvh w-full max-w-sm flex-col gap-2 p-4 outline-none"
      />
    </RadixToast.Provider>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useToastStore((state) => state.dismiss);
  const titleId = useId();
  const descriptionId = useId();
  const { label, Icon, classes, durationMs } = tones[toast.tone];
  const urgent = toast.tone === 'error' || toast.tone === 'warning';
  return (
    <RadixToast.Root
      defaultOpen
      onOpenChange={(open) => {
        if (!open) dismiss(toast.id);
      }}
      type={urgent ? 'foreground' : 'background'}
      duration={durationMs}
      className={`pointer-events-auto rounded-lg border-l-4 bg-white p-3 shadow-lg ring-1 ring-gray-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-gray-900 dark:ring-gray-700 ${classes}`}
    >
      {/* A status named by its title, so it can be found by role. Not live itself: Radix announces
          every toast through its own hidden live region (assertively for foreground ones). */}
      <output
        aria-live="off"
        aria-labelledby={titleId}
        aria-describedby={toast.description ? descriptionId : undefined}
        className="flex items-start gap-3"
      >
        <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
        <div className="min-w-0 flex-1">
          <p className="text-xs font-semibold tracking-wide uppercase">{label}</p>
          <RadixToast.Title id={titleId} className="text-sm font-semibold text-gray-900 dark:text-gray-100">
            {toast.title}
          </RadixToast.Title>
          {toast.description ? (
            <RadixToast.Description
              id={descriptionId}
              className="mt-0.5 text-sm break-words whitespace-pre-line text-gray-700 dark:text-gray-300"
            >
              {toast.description}
            </RadixToast.Description>
          ) : null}
        </div>
        <RadixToast.Close
          aria-label="Dismiss notification"
          className="rounded p-1 text-gray-500 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-gray-400 dark:hover:bg-gray-800 dark:hover:text-gray-100"
        >
          <X aria-hidden="true" className="size-4" />
        </RadixToast.Close>
      </output>
    </RadixToast.Root>
  );
}
