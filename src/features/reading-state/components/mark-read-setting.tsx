// The reader's choice of when an article becomes read.
import { messages } from '../../../lib/messages.ts'
import {
  MARK_READ_MODES,
  setMarkReadMode,
  useMarkReadMode,
  type MarkReadMode,
} from '../read-settings.ts'

const LABELS: Record<MarkReadMode, string> = {
  open: messages.markReadOnOpen,
  scroll: messages.markReadOnScroll,
  manual: messages.markReadManual,
}

export function MarkReadSetting() {
  const mode = useMarkReadMode()
  return (
    <fieldset className="mark-read-setting">
      <legend>{messages.markReadSetting}</legend>
      {MARK_READ_MODES.map((m) => (
        <label key={m}>
          <input
            type="radio"
            name="mark-read-on"
            value={m}
            checked={mode === m}
            onChange={() => setMarkReadMode(m)}
          />
          {LABELS[m]}
        </label>
      ))}
    </fieldset>
  )
}
