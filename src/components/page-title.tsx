// The document title of a page (React 19 hoists <title> into <head>).
import { messages } from '../lib/messages.ts'

export type PageTitleProps = { title: string }

export function PageTitle({ title }: PageTitleProps) {
  return <title>{title === messages.appName ? title : `${title} · ${messages.appName}`}</title>
}
