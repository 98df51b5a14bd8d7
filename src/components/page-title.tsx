// The document title of a page (React 19 hoists <title> into <head>), with a count first when
// given ("(12) 最新文章 · 新闻阅读").
import { messages } from '../lib/messages.ts'

export type PageTitleProps = { title: string; count?: number | undefined }

export function PageTitle({ title, count }: PageTitleProps) {
  const full = title === messages.appName ? title : `${title} · ${messages.appName}`
  return <title>{count === undefined ? full : `(${count}) ${full}`}</title>
}
