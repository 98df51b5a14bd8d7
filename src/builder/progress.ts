// Progress of a long build: one redrawn line on a terminal's stderr, nothing elsewhere (pipes and
// CI logs get only the summary line).
export type Progress = { update(done: number, total: number, phase: string): void; done(): void }

export function createProgress(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return { update: () => {}, done: () => {} }
  const started = performance.now()
  let last = 0
  let shown = false
  return {
    update(done, total, phase) {
      const now = performance.now()
      if (now - last < 100 && done !== total) return
      last = now
      const seconds = (now - started) / 1000
      const rate = seconds > 0 ? Math.round(done / seconds) : 0
      const pct = total ? Math.floor((done / total) * 100) : 100
      stream.write(`\r\x1b[K${phase} ${done}/${total} (${pct}%, ${rate}/s)`)
      shown = true
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
    },
  }
}
