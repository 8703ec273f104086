import { Component, type ReactNode } from 'react';

type ErrorBoundaryProps = {
  children: ReactNode;
  /** What stands in for the children after they threw while rendering; `reset` renders them again. */
  renderFallback: (error: Error, reset: () => void) => ReactNode;
};

type ErrorBoundaryState = { error: Error | null };

/**
 * Keeps a render bug where it happened (one row, one panel, one drawer) instead of letting it
 * replace the page. React still reports the error (console in development).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private readonly reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    return error ? this.props.renderFallback(error, this.reset) : this.props.children;
  }
}
