import { CircleAlert, CircleCheckBig, Loader2 } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { REASON_MAX_LENGTH, type Order } from '@/contract/order';
import { provisionMessages, ResolveRequestSchema } from '@/contract/provision-api';
import { Button } from '@/components/ui/button/button';
import { Dialog } from '@/components/ui/dialog/dialog';
import { useToast } from '@/components/ui/toast/toast-store';
import { attentionReason } from '@/domain/attention';
import { useCanAct } from '@/features/auth';
import { useResolveOrder } from '../api/resolve-order';

type ResolveButtonProps = {
  order: Order;
  /** The server's time (ms), as the caller measures it: whether the order needs attention depends on it. */
  now: number;
};

/**
 * "Mark resolved" for an order that needs attention but was fixed outside the console; asks for the
 * reason the timeline will keep.
 */
export function ResolveButton({ order, now }: ResolveButtonProps) {
  const [open, setOpen] = useState(false);
  const canAct = useCanAct();
  // Support agents read; the API would refuse them anyway (403).
  if (!canAct) return null;
  // An open dialog stays open if a refetch moves the order out of Needs attention meanwhile.
  if (!open && attentionReason(order, now) === null) return null;
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        <CircleCheckBig aria-hidden="true" className="size-3.5" />
        Mark resolved
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Mark ${order._id} resolved`}
        description="For an order fixed outside the console: it leaves Needs attention and the console will not provision it again."
      >
        <ResolveForm orderId={order._id} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

const reasonSchema = ResolveRequestSchema.shape.reason;

/** Mounted while the dialog is open, so every opening starts with an empty reason. */
function ResolveForm({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { mutateAsync, isPending } = useResolveOrder();
  const { show } = useToast();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  // Set synchronously on submit: a second click before React re-renders must not send twice.
  const submitting = useRef(false);
  const fieldId = useId();
  const errorId = useId();
  const countId = useId();

  async function submit() {
    if (submitting.current) return;
    const parsed = reasonSchema.safeParse(reason);
    if (!parsed.success) {
      setInvalid(parsed.error.issues[0]?.message ?? 'Enter a reason');
      fieldRef.current?.focus();
      return;
    }
    submitting.current = true;
    try {
      await mutateAsync({ orderId, reason: parsed.data });
      show({ tone: 'success', title: provisionMessages.resolved, description: orderId });
      onDone();
    } catch (error) {
      show({
        tone: 'error',
        title: `Could not resolve ${orderId}`,
        description: error instanceof Error ? error.message : 'The request failed unexpectedly',
      });
    } finally {
      submitting.current = false;
    }
  }

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={fieldId} className="block text-sm font-medium">
          Reason (required)
        </label>
        <textarea
          ref={fieldRef}
          id={fieldId}
          value={reason}
          maxLength={REASON_MAX_LENGTH}
          rows={4}
          aria-invalid={invalid !== null}
          aria-describedby={invalid === null ? countId : `${errorId} ${countId}`}
          onChange={(event) => {
            setReason(event.target.value);
            setInvalid(null);
          }}
          className="block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-gray-600 dark:bg-gray-950 dark:text-gray-100 dark:focus-visible:outline-blue-400 dark:aria-invalid:border-red-400"
        />
        {invalid === null ? null : (
          <p id={errorId} className="flex items-center gap-1 text-sm text-red-700 dark:text-red-300">
            <CircleAlert aria-hidden="true" className="size-3.5 shrink-0" />
            {invalid}
          </p>
        )}
        <p id={countId} className="text-xs text-gray-600 dark:text-gray-400">
          {reason.length} / {REASON_MAX_LENGTH} characters
        </p>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button variant="default" aria-busy={isPending} aria-disabled={isPending} onClick={() => void submit()}>
          {isPending ? (
            <Loader2 aria-hidden="true" className="size-3.5 animate-spin" />
          ) : (
            <CircleCheckBig aria-hidden="true" className="size-3.5" />
          )}
          Mark resolved
        </Button>
      </div>
    </div>
  );
}
