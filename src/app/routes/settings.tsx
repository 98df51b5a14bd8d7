// `/settings`: how the reader reads: when an article becomes read, how lists look, what they hide
// (muted words and sources), and what is kept for offline reading.
import './pages.css'
import { PageTitle } from '../../components/page-title.tsx'
import { MarkReadSetting } from '../../features/reading-state/components/mark-read-setting.tsx'
import { DisplaySettings } from '../../features/settings/components/display-settings.tsx'
import { MuteSettings } from '../../features/settings/components/mute-settings.tsx'
import { OfflineSettings } from '../../features/settings/components/offline-settings.tsx'
import { messages } from '../../lib/messages.ts'
import { BackupPanel } from '../backup-panel.tsx'
import { settingsMessages } from '../../features/settings/messages.ts'

export default function SettingsRoute() {
  return (
    <>
      <PageTitle title={messages.settingsTitle} />
      <h1>{messages.settingsTitle}</h1>
      <section className="page-section" aria-labelledby="settings-reading">
        <h2 id="settings-reading">{settingsMessages.favouritesSettings}</h2>
        <MarkReadSetting />
      </section>
      <section className="page-section" aria-labelledby="settings-display">
        <h2 id="settings-display">{settingsMessages.displaySettings}</h2>
        <DisplaySettings />
      </section>
      <section className="page-section" aria-labelledby="settings-mute">
        <h2 id="settings-mute">{settingsMessages.muteTitle}</h2>
        <MuteSettings />
      </section>
      <section className="page-section" aria-labelledby="settings-backup">
        <h2 id="settings-backup">{settingsMessages.backupTitle}</h2>
        <BackupPanel />
      </section>
      <section className="page-section" aria-labelledby="settings-offline">
        <h2 id="settings-offline">{settingsMessages.offlineSettings}</h2>
        <OfflineSettings />
      </section>
    </>
  )
}
