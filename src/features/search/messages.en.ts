// The search page's words in English (loaded with the page when the reader chose English).
import type { Translation } from '../../lib/i18n.ts'
import type { searchMessages } from './messages.ts'

export const searchMessagesEn: Translation<typeof searchMessages> = {
  searchTitle: 'Search',
  searchResultsTitle: (q: string) => `Search: ${q}`,
  searchResultsLabel: 'Search results',
  searchSearching: 'Searching…',
  searchCounting: (n: string) => `${n} found so far, still counting…`,
  searchCounted: (n: string) => `${n} ${n === '1' ? 'result' : 'results'}`,
  searchNoResults: (q: string) => `No article contains “${q}”.`,
  searchNoResultsHint: 'Try shorter words, or remove the filters.',
  searchEmpty:
    'Type what to look for and press Enter. Separate words with spaces (all must match), “-word” excludes, and "quoted phrases" keep their spaces.',
  searchUnclosedQuote: 'A quote is not closed: add the closing ".',
  searchOnlyExclusions: 'Only excluded words: write at least one word to look for.',
  searchTooLong: 'The search is too long: at most 200 characters and 10 words.',
  searchNoIndex:
    'This feed has no search index, so search is unavailable. Build it again with the current builder (npm run feed -- build).',
  searchCorrupt: 'The search index is damaged or incomplete; the search could not finish.',
  searchOffline: 'No connection; the search did not finish.',
  searchFilters: 'Filters',
  searchCategory: 'Source (category code)',
  searchTag: 'Tag',
  searchFrom: 'From',
  searchTo: 'To',
  searchApply: 'Apply filters',
  searchClearFilters: 'Clear filters',
  searchIgnored: 'Some filters in the address were not valid and were ignored.',
}
