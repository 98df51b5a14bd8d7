// Each page's error boundary: a page that fails to render, or whose lazy chunk fails to download,
// shows a message in plain words with a retry, and the header and navigation stay usable. Leaving
// the page (a new `resetKey`) clears it.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ErrorMessage } from '../components/ui/error-message.tsx'
import { FeedError } from '../shared/decode-feed.ts'
import { messages } from '../lib/messages.ts'

export type RouteErrorBoundaryProps = {
  /** The page's identity (its pathname): a new key drops the error. */
  resetKey: string
  children: ReactNode
  /** How a failure that a re-render cannot fix is retried (default: reload the page). */
  reload?: () => void
}
type State = { error: unknown; failed: boolean; resetKey: string }

export class RouteErrorBoundary extends Component<RouteErrorBoundaryProps, State> {
  state: State = { error: null, failed: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true }
  }

  static getDerivedStateFromProps(props: RouteErrorBoundaryProps, state: State) {
    return props.resetKey === state.resetKey
      ? null
      : { error: null, failed: false, resetKey: props.resetKey }
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack)
  }

  render() {
    if (!this.state.failed) return this.props.children
    const { error } = this.state
    // A feed failure can be retried in place (the page mounts again and its queries refetch);
    // anything else, such as a chunk that did not download, needs a reload.
    const retry =
      error instanceof FeedError
        ? () => this.setState({ error: null, failed: false })
        : (this.props.reload ?? (() => window.location.reload()))
    return (
      <section>
        <h1>{messages.errorTitle}</h1>
        <ErrorMessage error={error} onRetry={retry} />
      </section>
    )
  }
}
