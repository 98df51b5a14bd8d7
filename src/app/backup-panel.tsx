// 导出全部数据 / 导入数据 on the settings page: the whole of what this browser keeps, in one file.
import { useState } from 'react'
import { FileButton, TransferStatus, type TransferOutcome } from '../components/ui/file-button.tsx'
import { download } from '../lib/download.ts'
import { exportBackup, importBackup } from './backup.ts'
import { settingsMessages } from '../features/settings/messages.ts'
import { favouritesMessages } from '../features/favourites/messages.ts'

export function BackupPanel() {
  const [outcome, setOutcome] = useState<TransferOutcome>(null)
  const onImport = async (file: File) => {
    let text: string
    try {
      text = await file.text()
    } catch {
      setOutcome({ ok: false, text: favouritesMessages.favouritesImportUnreadable })
      return
    }
    const r = importBackup(text)
    setOutcome(
      r === null
        ? { ok: false, text: settingsMessages.backupImportFailed }
        : { ok: r.failed === 0, text: settingsMessages.backupImported(r.imported, r.failed) },
    )
  }
  return (
    <>
      <p>{settingsMessages.backupHint}</p>
      <div className="favourites-transfer">
        <button
          type="button"
          onClick={() => {
            download(
              `news-reader-backup-${new Date().toISOString().slice(0, 10)}.json`,
              exportBackup(),
            )
            setOutcome({ ok: true, text: settingsMessages.backupExported })
          }}
        >
          {settingsMessages.backupExport}
        </button>
        <FileButton
          label={settingsMessages.backupImport}
          accept="application/json,.json"
          onFile={(file) => void onImport(file)}
        />
      </div>
      <TransferStatus outcome={outcome} />
    </>
  )
}
