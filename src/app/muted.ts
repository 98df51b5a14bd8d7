// Muted words and sources (the settings) as a test of an article, for the lists to hide it: its
// title, its source's name, and with "body too" its text as the list item has it (a bundle's list
// item carries its summary only, a plain JSON Feed's item its content_text).
import { useMemo } from 'react'
import { sourceName, type Article } from '../entities/article/model/article.ts'
import { muteTest } from '../features/settings/mute-list.ts'
import { useSettings } from '../features/settings/settings-store.ts'

export function useMuted(): ((article: Article) => boolean) | undefined {
  const { mutedWords, mutedSources, muteBody } = useSettings()
  return useMemo(() => {
    const test = muteTest(mutedWords, mutedSources)
    return (
      test &&
      ((a: Article) => test(a.title, sourceName(a), muteBody ? (a.contentText ?? a.summary) : null))
    )
  }, [mutedWords, mutedSources, muteBody])
}
