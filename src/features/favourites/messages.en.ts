// The favourites page's words in English (loaded with the page when the reader chose English).
import type { Translation } from '../../lib/i18n.ts'
import { plural } from '../../lib/messages.en.ts'
import type { favouritesMessages } from './messages.ts'

export const favouritesMessagesEn: Translation<typeof favouritesMessages> = {
  favouritesEmpty: 'Nothing starred yet. Press “Star” next to an article and it will be kept here.',
  favouritedAt: 'Starred',
  favouritesExport: 'Export starred',
  favouritesImport: 'Import starred',
  favouritesImported: (added: number, skipped: number) =>
    `Imported ${plural(String(added), 'article')}${
      skipped > 0 ? `; ${skipped} already starred, not added twice` : ''
    }.`,
  favouritesImportFailed: 'Cannot import: the file is not a starred list exported by this app.',
  favouritesExported: (count: string) => `Exported ${plural(count, 'starred article')}.`,
  favouritesTransfer: 'Import and export',
  favouritesFilter: 'Filter starred',
  favouritesCount: (shown: string, total: string) =>
    shown === total ? plural(total, 'starred article') : `${shown} of ${total} starred`,
  favouritesNoMatch: 'No matching starred articles.',
}
