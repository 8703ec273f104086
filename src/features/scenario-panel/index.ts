/**
 * The scenario panel's front door: the boundary the root layout puts around the panel. The panel
 * itself has an entry of its own, `scenario-panel.lazy.ts`.
 */
export { ScenarioPanelBoundary } from './components/scenario-panel-boundary';
