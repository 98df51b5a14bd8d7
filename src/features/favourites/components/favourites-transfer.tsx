// Export favourites to a JSON file and import them back (merging, never duplicating). Import is a
// button named in Chinese that opens a hidden file input: the browser's own picker is labelled in
// the browser's language, and it would be a second tab stop for the same action.
import { useRef, useState } from 'react'
import { formatNumber } from '../../../lib/format.ts'
import { messages } from '../../../lib/messages.ts'
import { favouriteList, favouritesStore } from '../favourites-store.ts'
import { exportFavourites, importFavourites, type ImportResult } from '../favourites-file.ts'
import { useFavourites } from '../hooks.ts'

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** What the last export or import did: said politely when it worked, at once when it did not. */
type Outcome = { ok: boolean; text: string } | null

export function FavouritesTransfer() {
  const count = useFavourites().length
  const input = useRef<HTMLInputElement>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)

  const onExport = () => {
    const list = favouriteList(favouritesStore.getSnapshot())
    download(
      `news-reader-favourites-${new Date().toISOString().slice(0, 10)}.json`,
      exportFavourites(list),
    )
    setOutcome({ ok: true, text: messages.favouritesExported(formatNumber(list.length)) })
  }

  const onImport = async (file: File) => {
    let text: string
    try {
      text = await file.text()
    } catch {
      setOutcome({ ok: false, text: messages.favouritesImportUnreadable })
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
        ? { ok: true, text: messages.favouritesImported(r.added, r.skipped) }
        : { ok: false, text: messages.favouritesImportFailed },
    )
  }

  return (
    <>
      <div className="favourites-transfer">
        {count > 0 && (
          <button type="button" onClick={onExport}>
            {messages.favouritesExport}
          </button>
        )}
        <button type="button" onClick={() => input.current?.click()}>
          {messages.favouritesImport}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            e.currentTarget.value = ''
            if (file) void onImport(file)
          }}
        />
      </div>
      <p className="transfer-status" role="status">
        {outcome?.ok ? outcome.text : ''}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" className="transfer-status notice-error">
          {outcome.text}
        </p>
      )}
    </>
  )
}
