// Expected failures of a build, as one line naming the cause and the path (exit code 2 in the CLI):
// a person reads these, so never a stack trace into a temporary file.

/** A failure that stops the run before or while writing. */
export class BuildError extends Error {}

const CAUSES: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'not a folder',
  EISDIR: 'is a folder',
  ELOOP: 'symbolic link not followed',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
  EEXIST: 'already exists',
  ENOTEMPTY: 'folder not empty',
}

/** The readable cause of a file system error ("disk full"), else its message's first line. */
export function causeOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (code && CAUSES[code]) return CAUSES[code]
  if (code) return code
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)
}

/** A BuildError for a failed file system action: `cannot write /out/feed.json: disk full`. */
export function fsFailure(action: string, file: string, e: unknown): BuildError {
  if (e instanceof BuildError) return e
  return new BuildError(`cannot ${action} ${file}: ${causeOf(e)}`)
}

/** Runs `fn`, turning any file system error into a one-line BuildError about `file`. */
export function guard<T>(action: string, file: string, fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    throw fsFailure(action, file, e)
  }
}
