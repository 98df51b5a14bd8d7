// The last line of defence: anything that escapes the routes' own boundaries shows a plain message
// and a reload button instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { messages } from '../lib/messages.ts'

export type AppErrorBoundaryProps = { children: ReactNode }
type State = { failed: boolean }

export class AppErrorBoundary extends Component<AppErrorBoundaryProps, State> {
  state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack)
  }

  render() {
    if (!this.state.failed) return this.props.children
    return (
      <div role="alert" className="notice notice-error">
        <h1>{messages.errorTitle}</h1>
        <p>{messages.errorText}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {messages.reload}
        </button>
      </div>
    )
  }
}
