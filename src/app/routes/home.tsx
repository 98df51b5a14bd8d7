// `/`: the latest articles of all sources. In the entry chunk: its list query starts as it mounts,
// and reads the feed head that index.html preloads.
import { ArticleFeed } from '../../features/feed/components/article-feed.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { ALL } from '../../lib/list-scope.ts'
import { messages } from '../../lib/messages.ts'
import { ListTools, renderListActions, useUnreadFilter } from '../list-actions.tsx'
import { useArticlePrefetch } from '../use-article-prefetch.ts'

export default function HomeRoute() {
  const prefetch = useArticlePrefetch()
  const visible = useUnreadFilter()
  return (
    <>
      <PageTitle title={messages.appName} />
      <h1>{messages.latestTitle}</h1>
      <ListTools scope={ALL} />
      <ArticleFeed
        scope={ALL}
        label={messages.listLabel(messages.latestTitle)}
        onIntent={prefetch}
        renderActions={renderListActions}
        visible={visible}
      />
    </>
  )
}
