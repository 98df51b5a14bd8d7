// 导出全部数据 / 导入数据 on the settings page: the whole of what this browser keeps, in one file.
import { Transfer } from '../components/ui/file-button.tsx'
import { download } from '../lib/download.ts'
import { exportBackup, importBackup } from './backup.ts'
import { settingsMessages } from '../features/settings/messages.ts'

export function BackupPanel() {
  return (
    <>
      <p>{settingsMessages.backupHint}</p>
      <Transfer
        exportLabel={settingsMessages.backupExport}
        onExport={() => {
          download(
            `news-reader-backup-${new Date().toISOString().slice(0, 10)}.json`,
            exportBackup(),
          )
          return { ok: true, text: settingsMessages.backupExported }
        }}
        importLabel={settingsMessages.backupImport}
        onImport={(text) => {
          const r = importBackup(text)
          return r === null
            ? { ok: false, text: settingsMessages.backupImportFailed }
            : { ok: r.failed === 0, text: settingsMessages.backupImported(r.imported, r.failed) }
        }}
      />
    </>
  )
}
