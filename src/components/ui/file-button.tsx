// A button named in the app's language that opens a hidden file input: the browser's own picker is
// labelled in the browser's language, and it would be a second tab stop for the same action.
import { useRef, useState } from 'react'
import { messages } from '../../lib/messages.ts'

export type FileButtonProps = {
  label: string
  accept: string
  onFile: (file: File) => void
}

export function FileButton({ label, accept, onFile }: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (file) onFile(file)
        }}
      />
    </>
  )
}

/** What an export or import did: said politely when it worked, at once when it did not. */
export type TransferOutcome = { ok: boolean; text: string } | null

function TransferStatus({ outcome }: { outcome: TransferOutcome }) {
  return (
    <>
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

export type TransferProps = {
  exportLabel: string
  /** Writes the file and says what it held; null when there is nothing to export. */
  onExport: (() => TransferOutcome) | null
  importLabel: string
  /** Takes a file's text in and says what came of it. */
  onImport: (text: string) => TransferOutcome
}

/** Export and import buttons for one kind of file, and what the last of them did. */
export function Transfer({ exportLabel, onExport, importLabel, onImport }: TransferProps) {
  const [outcome, setOutcome] = useState<TransferOutcome>(null)
  const read = async (file: File) => {
    try {
      const text = await file.text()
      setOutcome(onImport(text))
    } catch {
      setOutcome({ ok: false, text: messages.favouritesImportUnreadable })
    }
  }
  return (
    <>
      <div className="favourites-transfer">
        {onExport && (
          <button type="button" onClick={() => setOutcome(onExport())}>
            {exportLabel}
          </button>
        )}
        <FileButton
          label={importLabel}
          accept="application/json,.json"
          onFile={(f) => void read(f)}
        />
      </div>
      <TransferStatus outcome={outcome} />
    </>
  )
}
