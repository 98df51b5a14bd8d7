// The display settings: theme, article text, list density, time zone, the unread count in the
// document title, and shortcuts.
import { useId } from 'react'
import { settingsMessages } from '../messages.ts'
import { setSetting, useSettings, type Settings } from '../settings-store.ts'

type Flag = 'titleCount' | 'shortcuts' | 'muteBody'
type Choice = 'density' | 'theme' | 'fontSize' | 'lineHeight' | 'timeZone'

/** One setting as a group of radio buttons. */
function Choices<K extends Choice>(props: {
  field: K
  legend: string
  options: readonly (readonly [Settings[K], string])[]
}) {
  const value = useSettings()[props.field]
  const name = useId()
  return (
    <fieldset className="setting-group">
      <legend>{props.legend}</legend>
      {props.options.map(([option, label]) => (
        <label key={String(option)}>
          <input
            type="radio"
            name={name}
            checked={value === option}
            onChange={() => setSetting(props.field, option)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  )
}

export function Checkbox({ field, label }: { field: Flag; label: string }) {
  const on = useSettings()[field]
  return (
    <label className="setting">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => setSetting(field, e.currentTarget.checked)}
      />
      {label}
    </label>
  )
}

export function DisplaySettings() {
  const m = settingsMessages
  return (
    <>
      <Choices
        field="theme"
        legend={m.themeSetting}
        options={[
          ['system', m.themeSystem],
          ['light', m.themeLight],
          ['dark', m.themeDark],
        ]}
      />
      <Choices
        field="fontSize"
        legend={m.fontSizeSetting}
        options={([0, 1, 2, 3] as const).map((n) => [n, m.fontSizes[n]] as const)}
      />
      <Choices
        field="lineHeight"
        legend={m.lineHeightSetting}
        options={([0, 1, 2] as const).map((n) => [n, m.lineHeights[n]] as const)}
      />
      <Choices
        field="density"
        legend={m.densitySetting}
        options={[
          ['comfortable', m.densityComfortable],
          ['compact', m.densityCompact],
        ]}
      />
      <Choices
        field="timeZone"
        legend={m.timeZoneSetting}
        options={[
          ['archive', m.timeZoneArchive],
          ['browser', m.timeZoneBrowser],
        ]}
      />
      <Checkbox field="titleCount" label={m.titleCountSetting} />
      <Checkbox field="shortcuts" label={m.shortcutsSetting} />
    </>
  )
}
