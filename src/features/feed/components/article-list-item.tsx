// One article of a list: the only place a list item is rendered, so a virtualized list can reuse it.
import { memo, useId, type ReactNode, type Ref } from 'react'
import { Link } from 'react-router'
import type { Article } from '../../../entities/article/model/article.ts'
import { articlePath } from '../../../entities/article/model/paths.ts'
import type { ListScope } from '../../../entities/article/model/scope.ts'
import { ArticleMeta, ArticleTags } from '../../../entities/article/ui/article-meta.tsx'

export type ArticleListItemProps = {
  article: Article
  /** 1-based position in the list (aria-posinset). */
  position: number
  /** Items in the whole list, or -1 while unknown (aria-setsize). */
  setSize: number
  /** The list it belongs to: the article view's previous/next walk it. */
  from: ListScope
  /** The current time, for relative times ("5 分钟前"). */
  now: number
  /** Extra controls (read/favourite toggles) a route adds. */
  actions?: ReactNode
  /** The <article> element, for a list that observes or measures its items. */
  ref?: Ref<HTMLElement>
  /** Set by a windowed list: the item's offset (px) inside the feed, where it is placed. */
  top?: number
}

export const ArticleListItem = memo(function ArticleListItem({
  article,
  position,
  setSize,
  from,
  now,
  actions,
  ref,
  top,
}: ArticleListItemProps) {
  const titleId = useId()
  return (
    <article
      ref={ref}
      className="item"
      data-index={top === undefined ? undefined : position - 1}
      style={
        top === undefined
          ? undefined
          : { position: 'absolute', top: 0, left: 0, width: '100%', translate: `0 ${top}px` }
      }
      aria-posinset={position}
      aria-setsize={setSize}
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <h2 id={titleId} className={article.titleIsStandIn ? 'item-title stand-in' : 'item-title'}>
        <Link to={articlePath(article.id, from)}>{article.title}</Link>
      </h2>
      <ArticleMeta article={article} now={now} />
      {article.summary !== '' && !article.titleIsStandIn && (
        <p className="summary">{article.summary}</p>
      )}
      <ArticleTags article={article} />
      {actions && <div className="actions">{actions}</div>}
    </article>
  )
})
