// The display settings: list density, the unread count in the document title, and shortcuts.
import { useId } from 'react'
import { messages } from '../../../lib/messages.ts'
import { setSetting, useSettings } from '../settings-store.ts'

export function DisplaySettings() {
  const s = useSettings()
  const name = useId()
  return (
    <>
      <fieldset className="setting-group">
        <legend>{messages.densitySetting}</legend>
        {(['comfortable', 'compact'] as const).map((d) => (
          <label key={d}>
            <input
              type="radio"
              name={name}
              checked={s.density === d}
              onChange={() => setSetting('density', d)}
            />
            {d === 'compact' ? messages.densityCompact : messages.densityComfortable}
          </label>
        ))}
      </fieldset>
      <label className="setting">
        <input
          type="checkbox"
          checked={s.titleCount}
          onChange={(e) => setSetting('titleCount', e.currentTarget.checked)}
        />
        {messages.titleCountSetting}
      </label>
      <label className="setting">
        <input
          type="checkbox"
          checked={s.shortcuts}
          onChange={(e) => setSetting('shortcuts', e.currentTarget.checked)}
        />
        {messages.shortcutsSetting}
      </label>
    </>
  )
}
