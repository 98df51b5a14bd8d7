// 紧凑: the list as titles only, pressed or not; kept in the reader's settings.
import { messages } from '../../../lib/messages.ts'
import { setSetting, useSettings } from '../settings-store.ts'

export function DensityToggle() {
  const compact = useSettings().density === 'compact'
  return (
    <button
      type="button"
      className="density-toggle"
      aria-pressed={compact}
      onClick={() => setSetting('density', compact ? 'comfortable' : 'compact')}
    >
      {messages.compact}
    </button>
  )
}
