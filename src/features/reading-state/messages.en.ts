// Reading-state words of the settings page in English (loaded with it when the reader chose English).
import type { Translation } from '../../lib/i18n.ts'
import type { readingMessages } from './messages.ts'

export const readingMessagesEn: Translation<typeof readingMessages> = {
  markReadSetting: 'When to mark as read',
  markReadOnOpen: 'When the article is opened',
  markReadOnScroll: 'When scrolled past in the list',
  markReadManual: 'Only by hand',
}
