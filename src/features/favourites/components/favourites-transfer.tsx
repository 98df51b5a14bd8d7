// Export favourites to a JSON file and import them back (merging, never duplicating).
import { useState } from 'react'
import { messages } from '../../../lib/messages.ts'
import { favouriteList, favouritesStore } from '../favourites-store.ts'
import { exportFavourites, importFavourites } from '../favourites-file.ts'

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function FavouritesTransfer() {
  const [status, setStatus] = useState('')

  const onExport = () => {
    const text = exportFavourites(favouriteList(favouritesStore.getSnapshot()))
    download(`news-reader-favourites-${new Date().toISOString().slice(0, 10)}.json`, text)
  }

  const onImport = async (file: File) => {
    const text = await file.text()
    let result: ReturnType<typeof importFavourites> = null
    favouritesStore.update((favs) => {
      result = importFavourites(favs, text)
      return result?.favs ?? favs
    })
    const r = result as ReturnType<typeof importFavourites>
    setStatus(r ? messages.favouritesImported(r.added, r.skipped) : messages.favouritesImportFailed)
  }

  return (
    <div className="favourites-transfer">
      <button type="button" onClick={onExport}>
        {messages.favouritesExport}
      </button>
      <label>
        {messages.favouritesImport}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            e.currentTarget.value = ''
            if (file) void onImport(file)
          }}
        />
      </label>
      <p role="status">{status}</p>
    </div>
  )
}
