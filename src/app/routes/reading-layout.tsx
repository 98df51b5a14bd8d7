// Lists and articles on a wide screen (≥ 1024 px): the sources with their unread counts, the list,
// and the article in a reading pane beside it, so opening one keeps the list where it was. On a
// narrow screen each page is shown alone.
import { useQuery } from '@tanstack/react-query'
import { Outlet, useLocation } from 'react-router'
import { categoriesQueryOptions } from '../../entities/article/api/directories.ts'
import { feedRootQueryOptions } from '../../entities/article/api/fetch-feed.ts'
import { formatFrom } from '../../entities/article/model/scope.ts'
import { messages } from '../../lib/messages.ts'
import { Sources } from '../reading-tools-lazy.tsx'
import { InWideLayout, readingScope, useWide } from '../wide-layout.ts'
import { ListPage } from './list.tsx'

function Sidebar({ current }: { current: string | null }) {
  const { data: root } = useQuery(feedRootQueryOptions())
  const { data: categories } = useQuery({
    ...categoriesQueryOptions(),
    enabled: !!root?.bundle,
  })
  if (!root?.bundle || !categories || categories.length === 0) return null
  return (
    <nav className="sources" aria-label={messages.sources}>
      <Sources categories={categories} current={current} total={root.bundle.totalItems} />
    </nav>
  )
}

export function ReadingLayout() {
  const wide = useWide()
  const { pathname, search } = useLocation()
  const scope = wide ? readingScope(pathname, search) : null
  if (!wide || !scope) return <Outlet />
  const onArticle = pathname.startsWith('/article/')
  const current = scope.kind === 'category' ? scope.slug : scope.kind === 'all' ? '' : null
  return (
    <div className="reading-layout">
      <Sidebar current={current} />
      <div className="list-pane">
        <ListPage key={formatFrom(scope)} scope={scope} beside={onArticle} />
      </div>
      <div className="reading-pane" role="region" aria-label={messages.readingPane} tabIndex={-1}>
        <InWideLayout value={true}>
          <Outlet />
        </InWideLayout>
        {!onArticle && <p className="pane-hint">{messages.pickArticle}</p>}
      </div>
    </div>
  )
}
