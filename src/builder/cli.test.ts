// The command line as people and scripts use it: the summary line, --quiet, exit codes.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'builder-cli-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/builder/cli.ts', ...args], {
    encoding: 'utf8',
  })

describe('feed CLI', () => {
  const posts = path.join(tmp, '_posts')
  fs.mkdirSync(posts)
  fs.writeFileSync(
    path.join(posts, '2022-01-01-a.md'),
    '---\ntitle: 甲\ntags: 乙\ncategories: c\n---\n正文',
  )
  fs.writeFileSync(path.join(posts, 'junk.md'), Buffer.from([0, 1, 2]))

  it('ends with one parseable summary line and exits 0 with skipped posts', () => {
    const r = cli('build', tmp, '--out', path.join(tmp, 'out'))
    expect(r.status).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    expect(r.stdout).toMatch(
      /^feed: read=2 imported=1 skipped=1 duplicates=0 warnings=1 written=\d+ unchanged=0 deleted=0 seconds=[\d.]+ max_rss_mb=\d+$/m,
    )
    expect(r.stderr).toContain('skipped _posts/junk.md: binary file')
  })
  it('prints nothing with --quiet, and exits 1 with --strict when a post was skipped', () => {
    const r = cli('build', tmp, '--out', path.join(tmp, 'out'), '--quiet', '--strict')
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
  })
  it('exits 2 when it cannot run', () => {
    expect(cli('build', path.join(tmp, 'nope'), '--out', path.join(tmp, 'o2')).status).toBe(2)
    expect(cli('build', tmp).status).toBe(2)
    expect(
      cli('build', tmp, '--out', path.join(tmp, 'o3'), '--timezone', 'Mars/Olympus').status,
    ).toBe(2)
  })
})
