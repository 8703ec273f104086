/** The order detail feature's front door. Re-exports only (see `featureFrontDoors` in vite.config.ts). */
export { OrderDetailDrawer } from './components/order-detail-drawer';
