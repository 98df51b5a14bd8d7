// `/tag/:tag`: the articles of one tag (any Unicode text; the path carries it percent-encoded).
import { useParams } from 'react-router'
import { ArticleFeed } from '../../features/feed/components/article-feed.tsx'
import { NotFound } from '../../components/not-found.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { messages } from '../../lib/messages.ts'
import { ListTools, renderListActions, useUnreadFilter } from '../list-actions.tsx'
import { useArticlePrefetch } from '../use-article-prefetch.ts'
import { validName } from '../route-params.ts'

export default function TagRoute() {
  const { tag } = useParams()
  return validName(tag) ? <TagPage tag={tag} /> : <NotFound />
}

function TagPage({ tag }: { tag: string }) {
  const title = messages.tagTitle(tag)
  const prefetch = useArticlePrefetch()
  const visible = useUnreadFilter()
  return (
    <>
      <PageTitle title={title} />
      <h1>{title}</h1>
      <ListTools key={`tools-${tag}`} scope={{ kind: 'tag', tag }} />
      <ArticleFeed
        key={tag}
        scope={{ kind: 'tag', tag }}
        label={messages.listLabel(title)}
        onIntent={prefetch}
        renderActions={renderListActions}
        visible={visible}
      />
    </>
  )
}
