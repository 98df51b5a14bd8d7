// Reading state and favourites on every list and article view. Routes combine features here, as
// features never import each other. The controls, their stores and codecs are a lazy chunk
// (reading-tools.tsx) fetched as the first list renders: until it arrives each control has an
// invisible stand-in of its size, so nothing moves. Only "unread only" (?unread=1) waits for it,
// as it decides which articles the list shows.
import {
  lazy,
  Suspense,
  use,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ComponentType,
} from 'react'
import { useLocation } from 'react-router'
import { UnreadOnlySwitch } from '../features/reading-state/components/unread-only-switch.tsx'
import { useUnreadOnly } from '../features/reading-state/list-helpers.ts'
import type { ListScope } from '../lib/list-scope.ts'
import { messages } from '../lib/messages.ts'
import type { Article } from '../shared/decode-feed.ts'

type Tools = typeof import('./reading-tools.tsx')
let tools: Tools | undefined
let loading: Promise<Tools> | undefined

const loaded = new Set<() => void>()

/** The reading tools' chunk, fetched once (again after a failure). */
// eslint-disable-next-line react-refresh/only-export-components -- a loader beside its components
export function loadReadingTools(): Promise<Tools> {
  loading ??= import('./reading-tools.tsx').then(
    (m) => {
      tools = m
      for (const listener of loaded) listener()
      return m
    },
    (e: unknown) => {
      loading = undefined
      throw e
    },
  )
  return loading
}

const subscribe = (listener: () => void) => {
  loaded.add(listener)
  return () => loaded.delete(listener)
}

/**
 * What the storage layer has to tell the reader. Its stores live in the reading tools, so there is
 * nothing to tell before they load: they do once the page has loaded (a list asks for them sooner).
 */
export function StorageNotices() {
  const m = useSyncExternalStore(subscribe, () => tools)
  useEffect(() => {
    const load = () => void loadReadingTools().catch(() => {})
    if (document.readyState === 'complete') load()
    else {
      window.addEventListener('load', load, { once: true })
      return () => window.removeEventListener('load', load)
    }
  }, [])
  return m ? <m.StorageNotice /> : null
}

/**
 * A control from the chunk, with its stand-in meanwhile. Should the chunk fail to download, the
 * stand-in stays: the page is still readable, only the toggles are missing until a reload.
 */
function fromTools<P extends object>(
  pick: (m: Tools) => ComponentType<P>,
  StandIn: ComponentType,
): ComponentType<P> {
  const Lazy = lazy(() =>
    loadReadingTools().then(
      (m) => ({ default: pick(m) }),
      () => ({ default: StandIn as ComponentType<P> }),
    ),
  )
  return function FromTools(props: P) {
    return (
      <Suspense fallback={<StandIn />}>
        <Lazy {...props} />
      </Suspense>
    )
  }
}

/** The toggles as they look before the reader touches them, invisible and inert. */
function TogglesStandIn() {
  return (
    <>
      <button type="button" className="read-toggle stand-in-control" aria-hidden="true" disabled>
        {messages.readToggle}
      </button>
      <button
        type="button"
        className="favourite-toggle stand-in-control"
        aria-hidden="true"
        disabled
      >
        ☆ {messages.favourite}
      </button>
    </>
  )
}

function CountsStandIn() {
  return (
    <>
      <span className="unread-count stand-in-control" aria-hidden="true">
        {messages.allRead}
      </span>
      <span className="mark-all-read stand-in-control" aria-hidden="true">
        {messages.markAllReadMenu}
      </span>
    </>
  )
}

function CountStandIn() {
  return (
    <span className="unread-count stand-in-control" aria-hidden="true">
      {messages.allRead}
    </span>
  )
}

const ItemActions = fromTools((m) => m.ItemActions, TogglesStandIn)
const ListCounts = fromTools((m) => m.ListCounts, CountsStandIn)
const CategoryUnread = fromTools((m) => m.CategoryUnreadCount, CountStandIn)

const ArticleTools = fromTools((m) => m.ArticleActions, TogglesStandIn)

/** The toggles of the article view; opening it marks it read, if so set. */
export function ArticleActions({ article }: { article: Article }) {
  return <ArticleTools article={article} />
}

/** The toggles of one list item (a render prop for the list). */
// eslint-disable-next-line react-refresh/only-export-components -- a render prop, not a component
export function renderListActions(article: Article) {
  return <ItemActions article={article} />
}

export type ListToolsProps = { scope: ListScope }

/** Above a list: the "unread only" switch, the unread count, and mark all (or older) read. */
export function ListTools({ scope }: ListToolsProps) {
  return (
    <div className="list-tools">
      <UnreadOnlySwitch />
      <ListCounts scope={scope} />
    </div>
  )
}

/**
 * The list filter of ?unread=1, or undefined when the switch is off. It hides what was read when
 * the list was opened (or the switch turned on); articles read while reading the list stay in
 * place until the reader leaves, so scrolling past or marking never pulls the list from under them.
 * With the switch on, the page waits for the reading tools (it suspends) to know what was read.
 */
// eslint-disable-next-line react-refresh/only-export-components -- a hook beside its components
export function useUnreadFilter(): ((article: Article) => boolean) | undefined {
  const unreadOnly = useUnreadOnly()
  const { pathname } = useLocation()
  const view = unreadOnly ? pathname : null
  const store = view === null ? null : (tools ?? use(loadReadingTools())).readMarksStore
  const [baseline, setBaseline] = useState(() => ({ view, marks: store?.getSnapshot() ?? null }))
  if (baseline.view !== view) setBaseline({ view, marks: store?.getSnapshot() ?? null })
  return useMemo(() => {
    const { marks } = baseline
    return marks === null ? undefined : (article: Article) => !marks.isRead(article.id)
  }, [baseline])
}

/** For the category directory: unread per category from its size and the stored read marks. */
// eslint-disable-next-line react-refresh/only-export-components -- a render prop, not a component
export function renderCategoryUnread(category: { slug: string; count: number }) {
  return <CategoryUnread slug={category.slug} total={category.count} />
}
