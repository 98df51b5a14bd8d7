// Muted words and sources, one a line in a labelled text box, and whether words are looked for in
// the body too. What is typed is kept as typed; what is stored is the cleaned list (mute-list.ts).
import { useId, useState } from 'react'
import { cleanMuteList, MUTE_MAX_ENTRIES } from '../mute-list.ts'
import { settingsMessages } from '../messages.ts'
import { setSetting, useSettings } from '../settings-store.ts'
import { Checkbox } from './display-settings.tsx'

type List = 'mutedWords' | 'mutedSources'

const clean = (text: string) => cleanMuteList(text.split('\n'))
const same = (a: readonly string[], b: readonly string[]) => a.join('\n') === b.join('\n')

function MuteList({ field, label, hint }: { field: List; label: string; hint: string }) {
  const list = useSettings()[field]
  const [draft, setDraft] = useState(() => list.join('\n'))
  // Changed elsewhere (another tab, an imported backup): show the stored list.
  const [seen, setSeen] = useState(list)
  if (seen !== list) {
    setSeen(list)
    if (!same(clean(draft), list)) setDraft(list.join('\n'))
  }
  const id = useId()
  return (
    <div className="setting-group">
      <label htmlFor={id}>{label}</label>
      <p className="note" id={`${id}-hint`}>
        {hint} {settingsMessages.muteCount(list.length, MUTE_MAX_ENTRIES)}
      </p>
      <textarea
        id={id}
        rows={4}
        value={draft}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const text = e.currentTarget.value
          setDraft(text)
          const next = clean(text)
          if (!same(next, list)) setSetting(field, next)
        }}
      />
    </div>
  )
}

export function MuteSettings() {
  const m = settingsMessages
  return (
    <>
      <MuteList field="mutedWords" label={m.mutedWords} hint={m.mutedWordsHint} />
      <MuteList field="mutedSources" label={m.mutedSources} hint={m.mutedSourcesHint} />
      <Checkbox field="muteBody" label={m.muteBody} />
    </>
  )
}
