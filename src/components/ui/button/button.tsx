import type { ComponentProps } from 'react';

export type ButtonVariant = 'default' | 'destructive' | 'outline';

const variantClasses: Record<ButtonVariant, string> = {
  default: 'bg-blue-600 text-white hover:bg-blue-700 dark:bg-blue-500 dark:hover:bg-blue-400 dark:text-gray-950',
  destructive: 'bg-red-600 text-white hover:bg-red-700 dark:bg-red-500 dark:hover:bg-red-400 dark:text-gray-950',
  outline:
    'border border-gray-300 bg-white text-gray-800 hover:bg-gray-100 dark:border-gray-600 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800',
};

type ButtonProps = Omit<ComponentProps<'button'>, 'type' | 'className'> & {
  variant?: ButtonVariant;
  /** A plain button unless it submits its form. */
  type?: 'button' | 'submit';
};

/** `data-variant` states the variant as data, so tests need not read colours. */
export function Button({ variant = 'default', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      data-variant={variant}
      className={`inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-70 dark:focus-visible:outline-blue-400 ${variantClasses[variant]}`}
      {...props}
    />
  );
}
