// A button named in the app's language that opens a hidden file input: the browser's own picker is
// labelled in the browser's language, and it would be a second tab stop for the same action.
import { useRef } from 'react'

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

export function TransferStatus({ outcome }: { outcome: TransferOutcome }) {
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
