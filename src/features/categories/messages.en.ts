// The categories page's words in English (loaded with the page when the reader chose English).
import type { Translation } from '../../lib/i18n.ts'
import { plural } from '../../lib/messages.en.ts'
import type { categoriesMessages } from './messages.ts'

export const categoriesMessagesEn: Translation<typeof categoriesMessages> = {
  categoriesFilter: 'Filter categories',
  categoriesCount: (shown: string, total: string) =>
    shown === total ? plural(total, 'category', 'categories') : `${shown} of ${total} categories`,
  categoriesNone: 'This feed has no category directory.',
  categoriesNoMatch: 'No matching categories.',
}
