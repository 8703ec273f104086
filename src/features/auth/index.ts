/**
 * The auth feature's front door: what the routes and other features may use. Re-exports only (see
 * `featureFrontDoors` in vite.config.ts), so the sign-in form stays in the sign-in page's chunk.
 * The demo accounts have an entry of their own, `demo-accounts.lazy.ts`.
 */
export { useCanAct, useCurrentUser, useSessionToken } from './api/get-session';
export { useSignIn } from './api/sign-in';
export type { DemoAccountsProps } from './components/demo-accounts';
export { SessionMenu } from './components/session-menu';
export { SignInForm } from './components/sign-in-form';
export { sessionEndReason } from './session-end';
export { parseSignInSearch, SIGN_IN_PATH } from './sign-in-search';
