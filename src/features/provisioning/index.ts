/**
 * The provisioning feature's front door: the buttons the routes place, and what the app mounts once.
 * Re-exports only (see `featureFrontDoors` in vite.config.ts), so the resolve button stays in the
 * drawer's chunk.
 */
export { BulkRetryBar, canBulkRetry } from './components/bulk-retry-bar';
export { ProvisionButton } from './components/provision-button';
export { ResolveButton } from './components/resolve-button';
export { RunFollowers } from './components/run-followers';
export { ProvisioningStoreProvider } from './store/provisioning-store';
