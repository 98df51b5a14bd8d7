// Reading-state words of the settings page (when an article becomes read): they load with it.
import { registerCatalog } from '../../lib/i18n.ts'

export const readingMessages = {
  markReadSetting: '何时标为已读',
  markReadOnOpen: '打开文章时',
  markReadOnScroll: '在列表中滚动经过时',
  markReadManual: '仅手动',
} as const

await registerCatalog(readingMessages, () =>
  import('./messages.en.ts').then((m) => m.readingMessagesEn),
)
