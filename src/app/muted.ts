// Muted words and sources (the settings) as a test of what a list shows, for the list to hide it:
// its title, its source's name, and with "body too" its text as the list has it (a bundle's list
// item and a favourite carry their summary only, a plain JSON Feed's item its content_text).
import { useMemo } from 'react'
import { sourceName, type Article } from '../entities/article/model/article.ts'
import type { FavouriteItem } from '../features/favourites/favourites-store.ts'
import { muteTest } from '../features/settings/mute-list.ts'
import { useSettings } from '../features/settings/settings-store.ts'

type Fields = [title: string, source: string | null, body: string | null]

/** The test of items whose fields `fields` gives (a function that never changes). */
function useMuteTest<T>(fields: (item: T) => Fields): ((item: T) => boolean) | undefined {
  const { mutedWords, mutedSources, muteBody } = useSettings()
  return useMemo(() => {
    const test = muteTest(mutedWords, mutedSources)
    if (!test) return undefined
    return (item: T) => {
      const [title, source, body] = fields(item)
      return test(title, source, muteBody ? body : null)
    }
  }, [mutedWords, mutedSources, muteBody, fields])
}

const articleFields = (a: Article): Fields => [a.title, sourceName(a), a.contentText ?? a.summary]
const favouriteFields = (f: FavouriteItem): Fields => [f.title, f.source ?? f.category, f.summary]

export const useMuted = () => useMuteTest(articleFields)
export const useMutedFavourite = () => useMuteTest(favouriteFields)
