// The archive's input files, folder after folder, and the id each post file gets from its name:
// a slug taken by an earlier file of the same folder gives slug-2, slug-3…; one taken in an
// earlier folder makes the file a duplicate (the folder named first wins).
import { DUPLICATE, Inputs } from './catalog.ts'
import { guard } from './errors.ts'
import type { ListAhead } from './list-ahead.ts'
import { isPostFile, slugOf } from './post.ts'
import { listFolder, type Site } from './site.ts'

export type Listing = {
  inputs: Inputs
  /** id → the input that holds it. */
  owner: Map<string, number>
  /** Inputs whose id is not their slug, and why (a report warning when imported). */
  idNotes: Map<number, string>
  /** The thread that listed the folders, which lstats the entries next (./list-ahead.ts). */
  ahead?: ListAhead
}

/** `ahead`: the folders' names as a thread listed them, where it could. */
export function listInputs(site: Site, ahead?: ListAhead): Listing {
  const lists = site.folders.map(
    (f, k) => ahead?.take(k) ?? guard('read', f.abs, () => listFolder(f.abs)),
  )
  const names = lists.length === 1 ? (lists[0] as string[]) : lists.flat()
  const folders = new Uint16Array(names.length)
  let at = 0
  lists.forEach((l, k) => folders.fill(k, at, (at += l.length)))
  const prefixes = site.folders.map((f) => (f.name ? `${f.name}/` : ''))
  const inputs = new Inputs(names, folders, prefixes)
  const owner = new Map<string, number>()
  const idNotes = new Map<number, string>()
  for (let i = 0; i < names.length; i++) {
    const file = names[i] as string
    if (!isPostFile(file)) continue
    const slug = slugOf(file)
    const first = owner.get(slug)
    if (first === undefined) {
      owner.set(slug, i)
      inputs.ids[i] = slug
      continue
    }
    if (inputs.folder[first] !== inputs.folder[i]) {
      inputs.status[i] = DUPLICATE
      inputs.duplicateOf.set(i, first)
      inputs.reasons.set(
        i,
        `duplicate: post "${slug}" is also in ${inputs.file(first)}, which comes first`,
      )
      continue
    }
    let id = slug
    for (let n = 2; owner.has(id); n++) id = `${slug}-${n}`
    if (id !== slug) idNotes.set(i, `id "${slug}" is taken by an earlier file: this one is "${id}"`)
    owner.set(id, i)
    inputs.ids[i] = id
  }
  return { inputs, owner, idNotes, ...(ahead && { ahead }) }
}
