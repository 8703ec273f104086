import { LoaderCircle, Zap } from 'lucide-react';
import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import {
  apiFaultStatuses,
  apiRoutes,
  FAULT_MESSAGE_MAX_LENGTH,
  FAULT_TIMES_MAX,
  type ApiFault,
  type ApiFaultKind,
  type ApiRoute,
} from '@/contract/mock-control';
import { errorCodes, type ErrorCode } from '@/contract/errors';
import { Button } from '@/components/ui/button/button';
import { useInjectFault } from '../api/inject-fault';
import {
  defaultCodes,
  faultFormProblems,
  faultKinds,
  kindWords,
  queuedFaultInWords,
  routeWords,
  type FaultFormProblems,
  type FaultStatus,
} from '../fault-words';
import { InlineError, InlineStatus, PanelSection } from './panel-section';

const fieldClasses =
  'h-8 w-full rounded-md border border-gray-300 bg-white px-2 text-sm text-gray-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-invalid:border-red-500 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100 dark:focus-visible:outline-blue-400 dark:aria-invalid:border-red-400';

export function FaultSection() {
  const inject = useInjectFault();
  const [route, setRoute] = useState<ApiRoute>('listOrders');
  const [kind, setKind] = useState<ApiFaultKind>('status');
  const [status, setStatus] = useState<FaultStatus>(503);
  const [code, setCode] = useState<ErrorCode>(defaultCodes[503]);
  const [message, setMessage] = useState('The provisioning service is down (injected fault)');
  const [times, setTimes] = useState('1');
  const [errors, setErrors] = useState<FaultFormProblems>({});
  const messageRef = useRef<HTMLInputElement>(null);
  const timesRef = useRef<HTMLInputElement>(null);
  const kindHintId = useId();

  function submit() {
    const problems = faultFormProblems({ kind, message, times });
    setErrors(problems);
    if (problems.message || problems.times) {
      (problems.message ? messageRef : timesRef).current?.focus();
      return;
    }
    const fault: ApiFault = kind === 'status' ? { kind, status, code, message: message.trim() } : { kind };
    inject.mutate({ route, fault, times: Number(times) });
  }

  return (
    <PanelSection
      title="Inject a fault"
      hint="The next requests of a route fail as you choose, before the route runs: nothing changes on the backend."
    >
      <form
        noValidate
        className="grid grid-cols-2 gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!inject.isPending) submit();
        }}
      >
        <Field label="Route" className="col-span-2">
          {(id) => (
            <select
              id={id}
              value={route}
              onChange={(event) => setRoute(apiRoutes.find((option) => option === event.target.value) ?? route)}
              className={fieldClasses}
            >
              {apiRoutes.map((option) => (
                <option key={option} value={option}>
                  {routeWords[option].name} ({routeWords[option].request})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Fault" className="col-span-2">
          {(id) => (
            <>
              <select
                id={id}
                value={kind}
                aria-describedby={kindHintId}
                onChange={(event) => setKind(faultKinds.find((option) => option === event.target.value) ?? kind)}
                className={fieldClasses}
              >
                {faultKinds.map((option) => (
                  <option key={option} value={option}>
                    {kindWords[option].label}
                  </option>
                ))}
              </select>
              <p id={kindHintId} className="text-xs text-gray-600 dark:text-gray-400">
                {kindWords[kind].explanation}
              </p>
            </>
          )}
        </Field>
        {kind === 'status' ? (
          <>
            <Field label="HTTP status">
              {(id) => (
                <select
                  id={id}
                  value={status}
                  onChange={(event) => {
                    const next = apiFaultStatuses.find((option) => String(option) === event.target.value) ?? status;
                    setStatus(next);
                    setCode(defaultCodes[next]);
                  }}
                  className={fieldClasses}
                >
                  {apiFaultStatuses.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Code">
              {(id) => (
                <select
                  id={id}
                  value={code}
                  onChange={(event) => setCode(errorCodes.find((option) => option === event.target.value) ?? code)}
                  className={`${fieldClasses} font-mono text-xs`}
                >
                  {errorCodes.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextField
              label="Message"
              className="col-span-2"
              inputRef={messageRef}
              value={message}
              error={errors.message}
              maxLength={FAULT_MESSAGE_MAX_LENGTH}
              onChange={setMessage}
            />
          </>
        ) : null}
        <TextField
          label="Number of requests"
          hint={`How many of the next requests it hits, 1 to ${FAULT_TIMES_MAX}.`}
          inputRef={timesRef}
          value={times}
          error={errors.times}
          numeric
          onChange={setTimes}
        />
        <div className="flex items-start pt-5">
          <Button type="submit" aria-disabled={inject.isPending}>
            {inject.isPending ? (
              <LoaderCircle aria-hidden="true" className="size-3.5 animate-spin" />
            ) : (
              <Zap aria-hidden="true" className="size-3.5" />
            )}
            Inject fault
          </Button>
        </div>
      </form>
      {inject.error ? <InlineError>Could not inject the fault: {inject.error.message}</InlineError> : null}
      <InlineStatus>{inject.isSuccess ? queuedFaultInWords(inject.variables) : null}</InlineStatus>
    </PanelSection>
  );
}

const labelClasses = 'block text-xs font-medium text-gray-600 dark:text-gray-300';

function Field({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`min-w-0 space-y-1 ${className}`}>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  hint?: string;
  className?: string;
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  error: string | undefined;
  maxLength?: number;
  /** A count: the numeric keyboard on touch screens. */
  numeric?: boolean;
  onChange: (value: string) => void;
};

function TextField({
  label,
  hint,
  className = '',
  inputRef,
  value,
  error,
  maxLength,
  numeric = false,
  onChange,
}: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`min-w-0 space-y-1 ${className}`}>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        value={value}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
        className={fieldClasses}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-gray-600 dark:text-gray-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
