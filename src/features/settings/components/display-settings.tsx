// The display settings: language, theme, article text, list density, time zone, the unread count
// in the document title, and shortcuts.
import { useEffect, useId, useRef } from 'react'
import { LANGUAGES, type Language } from '../../../lib/i18n.ts'
import { settingsMessages } from '../messages.ts'
import { setSetting, useSettings, type Settings } from '../settings-store.ts'

type Flag = 'titleCount' | 'shortcuts' | 'muteBody'
type Choice = 'density' | 'theme' | 'fontSize' | 'lineHeight' | 'timeZone' | 'language'

/** Each language's name, written in that language (shown so, with its `lang`, in either). */
const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' }

/** A new language draws the page again: focus then returns to the language chosen. */
let languageChosen = false

/** One setting as a group of radio buttons (a label with a `lang` is in that language). */
function Choices<K extends Choice>(props: {
  field: K
  legend: string
  options: readonly (readonly [Settings[K], string, string?])[]
}) {
  const value = useSettings()[props.field]
  const name = useId()
  const checked = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (props.field !== 'language' || !languageChosen) return
    languageChosen = false
    checked.current?.focus()
  }, [props.field])
  return (
    <fieldset className="setting-group">
      <legend>{props.legend}</legend>
      {props.options.map(([option, label, lang]) => (
        <label key={String(option)}>
          <input
            ref={value === option ? checked : undefined}
            type="radio"
            name={name}
            checked={value === option}
            onChange={() => {
              languageChosen = props.field === 'language'
              setSetting(props.field, option)
            }}
          />
          {lang ? <span lang={lang}>{label}</span> : label}
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
        field="language"
        legend={m.languageSetting}
        options={LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l], l] as const)}
      />
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
