// The article: title, meta, the sanitized body (SafeHtml, the one HTML sink) or plain-text
// paragraphs, the original source link, sharing and previous/next.
import { lazy, Suspense, useId, type ComponentType, type ReactNode } from 'react'
import { htmlToText } from '../../../entities/article/api/text.ts'
import type { Article } from '../../../entities/article/model/article.ts'
import { ArticleMeta, ArticleTags } from '../../../entities/article/ui/article-card.tsx'
import { ErrorMessage } from '../../../entities/article/ui/error-message.tsx'
import { SafeHtml } from '../../../components/ui/safe-html.tsx'
import { messages } from '../../../lib/messages.ts'
import type { ShareButtonProps } from './share-button.tsx'

// At the foot of the article: it may come a moment after the body (or not at all, if its chunk
// fails to load).
const ShareButton = lazy<ComponentType<ShareButtonProps>>(() =>
  import('./share-button.tsx').then(
    (m) => ({ default: m.ShareButton }),
    () => ({ default: () => null }),
  ),
)

export type ArticleViewProps = {
  article: Article
  /** The body is still loading: title and meta come from the list meanwhile. */
  bodyPending?: boolean
  /** Loading the body failed. */
  bodyError?: unknown
  onRetry?: () => void
  /** Extra controls (read/favourite toggles) a route adds. */
  actions?: ReactNode
  /** Previous/next links (ArticleNav), built by the route from the list it came from. */
  navigation?: ReactNode
  /** The link to share (default: this page without its search). */
  shareUrl?: string
}

/** About 400 Chinese characters a minute. */
function estimateMinutes(a: Article): number | null {
  if (a.readingMinutes !== null) return a.readingMinutes
  const text = a.contentText ?? (a.contentHtml !== null ? htmlToText(a.contentHtml) : null)
  return text === null ? null : Math.max(1, Math.round(text.length / 400))
}

function TextBody({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <div className="body">
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  )
}

function shareLink(): string {
  const u = new URL(window.location.href)
  u.search = ''
  u.hash = ''
  return u.href
}

export function ArticleView({
  article,
  bodyPending = false,
  bodyError,
  onRetry,
  actions,
  navigation,
  shareUrl,
}: ArticleViewProps) {
  const titleId = useId()
  const minutes = estimateMinutes(article)
  let body: ReactNode
  if (article.contentHtml !== null)
    body = (
      <SafeHtml
        className="body"
        html={article.contentHtml}
        baseUrl={article.externalUrl ?? article.url}
      />
    )
  else if (article.contentText !== null) body = <TextBody text={article.contentText} />
  else if (bodyError !== undefined && bodyError !== null)
    body = <ErrorMessage error={bodyError} onRetry={onRetry} />
  else if (bodyPending)
    body = (
      <p className="notice" role="status">
        {messages.loadingBody}
      </p>
    )
  else body = <p className="notice">{messages.noBody}</p>

  return (
    <article className="article" aria-labelledby={titleId}>
      <header>
        <h1 id={titleId} className={article.titleIsStandIn ? 'stand-in' : undefined}>
          {article.title}
        </h1>
        <ArticleMeta article={article}>
          {minutes !== null && <span>{messages.readingTime(minutes)}</span>}
        </ArticleMeta>
        <ArticleTags article={article} />
        {actions && <div className="actions">{actions}</div>}
      </header>
      {body}
      <footer className="article-footer">
        {article.externalUrl !== null && (
          <a
            href={article.externalUrl}
            target="_blank"
            rel="noopener noreferrer"
            referrerPolicy="no-referrer"
          >
            {messages.originalLink}
            <span className="visually-hidden">{messages.opensNewWindow}</span>
          </a>
        )}
        <Suspense>
          <ShareButton title={article.title} url={shareUrl ?? shareLink()} />
        </Suspense>
      </footer>
      {navigation}
    </article>
  )
}
