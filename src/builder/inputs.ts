// The archive's input files, folder after folder, and the id each post file gets from its name:
// a slug taken by an earlier file of the same folder gives slug-2, slug-3…; one taken in an
// earlier folder makes the file a duplicate (the folder named first wins).
import { DUPLICATE, Inputs } from './catalog.ts'
import { guard } from './errors.ts'
import { isPostFile, slugOf } from './post.ts'
import { listFolder, type Site } from './site.ts'

export type Listing = {
  inputs: Inputs
  /** id → the input that holds it. */
  owner: Map<string, number>
  /** Inputs whose id is not their slug, and why (a report warning when imported). */
  idNotes: Map<number, string>
}

export function listInputs(site: Site): Listing {
  const names: string[] = []
  const folders: number[] = []
  site.folders.forEach((f, k) => {
    for (const rel of guard('read', f.abs, () => listFolder(f.abs))) {
      names.push(rel)
      folders.push(k)
    }
  })
  const prefixes = site.folders.map((f) => (f.name ? `${f.name}/` : ''))
  const inputs = new Inputs(names, Uint16Array.from(folders), prefixes)
  const owner = new Map<string, number>()
  const idNotes = new Map<number, string>()
  for (let i = 0; i < names.length; i++) {
    const file = names[i] as string
    if (!isPostFile(file)) continue
    const slug = slugOf(file)
    const first = owner.get(slug)
    if (first !== undefined && inputs.folder[first] !== inputs.folder[i]) {
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
  return { inputs, owner, idNotes }
}
