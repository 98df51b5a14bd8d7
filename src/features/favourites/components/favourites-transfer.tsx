// Export favourites to a JSON file and import them back (merging, never duplicating).
import { useState } from 'react'
import {
  FileButton,
  TransferStatus,
  type TransferOutcome,
} from '../../../components/ui/file-button.tsx'
import { download } from '../../../lib/download.ts'
import { formatNumber } from '../../../lib/format.ts'
import { favouriteList, favouritesStore } from '../favourites-store.ts'
import { exportFavourites, importFavourites, type ImportResult } from '../favourites-file.ts'
import { useFavourites } from '../hooks.ts'
import { favouritesMessages } from '../messages.ts'

export function FavouritesTransfer() {
  const count = useFavourites().length
  const [outcome, setOutcome] = useState<TransferOutcome>(null)

  const onExport = () => {
    const list = favouriteList(favouritesStore.getSnapshot())
    download(
      `news-reader-favourites-${new Date().toISOString().slice(0, 10)}.json`,
      exportFavourites(list),
    )
    setOutcome({ ok: true, text: favouritesMessages.favouritesExported(formatNumber(list.length)) })
  }

  const onImport = async (file: File) => {
    let text: string
    try {
      text = await file.text()
    } catch {
      setOutcome({ ok: false, text: favouritesMessages.favouritesImportUnreadable })
      return
    }
    let result: ImportResult | null = null
    favouritesStore.update((favs) => {
      result = importFavourites(favs, text)
      return result?.favs ?? favs
    })
    const r = result as ImportResult | null
    setOutcome(
      r
        ? { ok: true, text: favouritesMessages.favouritesImported(r.added, r.skipped) }
        : { ok: false, text: favouritesMessages.favouritesImportFailed },
    )
  }

  return (
    <>
      <div className="favourites-transfer">
        {count > 0 && (
          <button type="button" onClick={onExport}>
            {favouritesMessages.favouritesExport}
          </button>
        )}
        <FileButton
          label={favouritesMessages.favouritesImport}
          accept="application/json,.json"
          onFile={(file) => void onImport(file)}
        />
      </div>
      <TransferStatus outcome={outcome} />
    </>
  )
}
