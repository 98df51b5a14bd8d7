// Export favourites to a JSON file and import them back (merging, never duplicating).
import { Transfer } from '../../../components/ui/file-button.tsx'
import { download } from '../../../lib/download.ts'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { favouriteList, favouritesStore } from '../favourites-store.ts'
import { exportFavourites, importFavourites, type ImportResult } from '../favourites-file.ts'
import { useFavourites } from '../hooks.ts'

export function FavouritesTransfer() {
  const count = useFavourites().length
  const onExport = () => {
    const list = favouriteList(favouritesStore.getSnapshot())
    download(
      `news-reader-favourites-${new Date().toISOString().slice(0, 10)}.json`,
      exportFavourites(list),
    )
    return { ok: true, text: messages.favouritesExported(formatNumber(list.length)) }
  }
  const onImport = (text: string) => {
    let result: ImportResult | null = null
    favouritesStore.update((favs) => {
      result = importFavourites(favs, text)
      return result?.favs ?? favs
    })
    const r = result as ImportResult | null
    return r
      ? { ok: true, text: messages.favouritesImported(r.added, r.skipped) }
      : { ok: false, text: messages.favouritesImportFailed }
  }
  return (
    <Transfer
      exportLabel={messages.favouritesExport}
      onExport={count > 0 ? onExport : null}
      importLabel={messages.favouritesImport}
      onImport={onImport}
    />
  )
}
