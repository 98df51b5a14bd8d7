// Reading state and favourites arrive just after the first paint (docs/decisions/002): the one lazy
// boundary of ./reading-tools.tsx. Each piece keeps its place with an invisible stand-in of its size
// meanwhile; only the list filtered to what is unread waits for them, as they decide what it shows.
import { lazy, Suspense, type ComponentProps } from 'react'
import { PageTitle } from '../components/page-title.tsx'
import { messages } from '../lib/messages.ts'

type Tools = typeof import('./reading-tools.tsx')
type Piece =
  | 'ItemActions'
  | 'ItemMarker'
  | 'ArticleActions'
  | 'ListTools'
  | 'ListEnd'
  | 'UnreadFeed'
  | 'ListTitle'
  | 'Sources'
const load = () => import('./reading-tools.tsx')
const piece = <K extends Piece>(name: K) => lazy(() => load().then((m) => ({ default: m[name] })))

const Lazy = {
  ItemActions: piece('ItemActions'),
  ItemMarker: piece('ItemMarker'),
  ArticleActions: piece('ArticleActions'),
  ListTools: piece('ListTools'),
  ListEnd: piece('ListEnd'),
  UnreadFeed: piece('UnreadFeed'),
  ListTitle: piece('ListTitle'),
  Sources: piece('Sources'),
}

/** The two toggles as they look untouched: invisible, inert, the same size. */
function TogglesStandIn() {
  return (
    <>
      <button type="button" className="read-toggle placeholder" aria-hidden="true" tabIndex={-1}>
        {messages.readToggle}
      </button>
      <button
        type="button"
        className="favourite-toggle placeholder"
        aria-hidden="true"
        tabIndex={-1}
      >
        ☆ {messages.favourite}
      </button>
    </>
  )
}

type P<K extends Piece> = ComponentProps<Tools[K]>

export function ItemActions(props: P<'ItemActions'>) {
  return (
    <Suspense fallback={<TogglesStandIn />}>
      <Lazy.ItemActions {...props} />
    </Suspense>
  )
}

export function ItemMarker(props: P<'ItemMarker'>) {
  return (
    <Suspense>
      <Lazy.ItemMarker {...props} />
    </Suspense>
  )
}

export function ArticleActions(props: P<'ArticleActions'>) {
  return (
    <Suspense fallback={<TogglesStandIn />}>
      <Lazy.ArticleActions {...props} />
    </Suspense>
  )
}

export function ListTools(props: P<'ListTools'>) {
  return (
    <Suspense fallback={<div className="list-tools" />}>
      <Lazy.ListTools {...props} />
    </Suspense>
  )
}

export function ListEnd(props: P<'ListEnd'>) {
  return (
    <Suspense>
      <Lazy.ListEnd {...props} />
    </Suspense>
  )
}

export function UnreadFeed(props: P<'UnreadFeed'>) {
  return (
    <Suspense
      fallback={
        <p className="notice" role="status">
          {messages.loadingList}
        </p>
      }
    >
      <Lazy.UnreadFeed {...props} />
    </Suspense>
  )
}

export function ListTitle(props: P<'ListTitle'>) {
  return (
    <Suspense fallback={<PageTitle title={props.title} />}>
      <Lazy.ListTitle {...props} />
    </Suspense>
  )
}

/** The wide layout's sidebar: it arrives with the reading tools (wide screens only need it). */
export function Sources(props: P<'Sources'>) {
  return (
    <Suspense fallback={null}>
      <Lazy.Sources {...props} />
    </Suspense>
  )
}
