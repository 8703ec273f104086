import { CircleAlert, Clock, LoaderCircle, LogIn } from 'lucide-react';
import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { SignInRequestSchema, type SignInRequest } from '@/contract/session-api';
import { Button } from '@/components/ui/button/button';
import { ApiError } from '@/lib/api-client';
import { z } from '@/lib/zod';
import { sessionEndMessages, type SessionEndReason } from '../session-end';

/** The contract's rules, plus a format check the server leaves to the form. */
const SignInFormSchema = z.extend(SignInRequestSchema, {
  email: z.pipe(SignInRequestSchema.shape.email, z.email('Enter an email address, like name@example.com')),
});

type Field = keyof SignInRequest;
type FieldErrors = Partial<Record<Field, string>>;

function validate(values: SignInRequest): { ok: true; data: SignInRequest } | { ok: false; errors: FieldErrors } {
  const parsed = SignInFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** Wrong credentials get the server's own words; anything else says that signing in itself failed. */
function failureText(error: Error): string {
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') return error.message;
  return `Could not sign in: ${error.message}`;
}

const inputClasses =
  'block h-9 w-full rounded-md border border-gray-300 bg-white px-3 text-sm text-gray-900 placeholder:text-gray-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 aria-invalid:border-red-500 dark:border-gray-600 dark:bg-gray-950 dark:text-gray-100 dark:placeholder:text-gray-400 dark:focus-visible:outline-blue-400 dark:aria-invalid:border-red-400';

type SignInFormProps = {
  /** Why the admin was sent here, if they were. */
  reason: SessionEndReason | undefined;
  /** Sending, or signed in and on the way out: the button stays busy. */
  busy: boolean;
  error: Error | null;
  onSubmit: (credentials: SignInRequest) => void;
};

export function SignInForm({ reason, busy, error, onSubmit }: SignInFormProps) {
  const [values, setValues] = useState<SignInRequest>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // The message goes once the field changes; it comes back on the next submit if still wrong.
    setFieldErrors((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <form
      noValidate
      aria-label="Sign in"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy) return;
        const result = validate(values);
        if (!result.ok) {
          setFieldErrors(result.errors);
          (result.errors.email ? emailRef : passwordRef).current?.focus();
          return;
        }
        onSubmit(result.data);
      }}
    >
      {/* Not a live region: it is there when the page opens, and read with it. */}
      {reason ? (
        <Notice tone="warning" icon={<Clock aria-hidden="true" className="mt-0.5 size-4 shrink-0" />}>
          {sessionEndMessages[reason]}
        </Notice>
      ) : null}
      {error && !busy ? (
        <Notice role="alert" tone="danger" icon={<CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />}>
          {failureText(error)}
        </Notice>
      ) : null}
      <TextField
        inputRef={emailRef}
        label="Email"
        type="email"
        autoComplete="username"
        value={values.email}
        error={fieldErrors.email}
        onChange={(value) => change('email', value)}
      />
      <TextField
        inputRef={passwordRef}
        label="Password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        error={fieldErrors.password}
        onChange={(value) => change('password', value)}
      />
      <Button type="submit" aria-disabled={busy} aria-busy={busy}>
        {busy ? (
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
        ) : (
          <LogIn aria-hidden="true" className="size-4" />
        )}
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

type TextFieldProps = {
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
  type: 'email' | 'password';
  autoComplete: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
};

function TextField({ inputRef, label, type, autoComplete, value, error, onChange }: TextFieldProps) {
  const inputId = useId();
  const errorId = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium">
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        name={type === 'email' ? 'email' : 'password'}
        type={type}
        autoComplete={autoComplete}
        spellCheck={false}
        required
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={inputClasses}
      />
      {error ? (
        <p id={errorId} className="flex items-center gap-1 text-sm text-red-700 dark:text-red-300">
          <CircleAlert aria-hidden="true" className="size-3.5 shrink-0" />
          {error}
        </p>
      ) : null}
    </div>
  );
}

const noticeTones = {
  warning: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  danger: 'border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200',
};

type NoticeProps = { role?: 'alert'; tone: keyof typeof noticeTones; icon: ReactNode; children: ReactNode };

function Notice({ role, tone, icon, children }: NoticeProps) {
  return (
    <p role={role} className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${noticeTones[tone]}`}>
      {icon}
      <span className="min-w-0">{children}</span>
    </p>
  );
}
