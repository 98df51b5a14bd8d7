// The reader's choice of when an article becomes read.
import {
  MARK_READ_MODES,
  setMarkReadMode,
  useMarkReadMode,
  type MarkReadMode,
} from '../read-settings.ts'
import { readingMessages } from '../messages.ts'

const LABELS = {
  open: 'markReadOnOpen',
  scroll: 'markReadOnScroll',
  manual: 'markReadManual',
} as const satisfies Record<MarkReadMode, keyof typeof readingMessages>

export function MarkReadSetting() {
  const mode = useMarkReadMode()
  return (
    <fieldset className="mark-read-setting">
      <legend>{readingMessages.markReadSetting}</legend>
      {MARK_READ_MODES.map((m) => (
        <label key={m}>
          <input
            type="radio"
            name="mark-read-on"
            value={m}
            checked={mode === m}
            onChange={() => setMarkReadMode(m)}
          />
          {readingMessages[LABELS[m]]}
        </label>
      ))}
    </fieldset>
  )
}
