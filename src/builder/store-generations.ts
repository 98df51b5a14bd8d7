// Generations of the item store (./item-store.ts): a build appends to the last one while at least
// half of it is still in use, else starts a new one, and removes the generations it left behind.
import fs from 'node:fs'
import path from 'node:path'
import { ItemStore } from './item-store.ts'
import { itemStoreFile, type BuildState } from './state.ts'

/**
 * The item store this build appends to: the last one while at least half of it is still in use,
 * else a new generation (the items still in use are copied into it), so it never grows without end.
 */
export function openStore(stateFile: string, previous: BuildState | null, newest: number) {
  const last = previous?.itemStore ?? 0
  const lastFile = itemStoreFile(stateFile, last)
  let live = 0
  for (const n of previous?.articles.itemLength ?? []) live += n
  if (previous && live * 2 >= storeSize(lastFile))
    return { store: new ItemStore(lastFile, true), previousStore: null, generation: last }
  // Past any generation a state on disk may still point at (even one this build does not trust).
  const generation = Math.max(last, newest) + 1
  const store = new ItemStore(itemStoreFile(stateFile, generation), false)
  return { store, previousStore: previous && new ItemStore(lastFile, true), generation }
}

const storeSize = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? -1

/** Whether the last build's item store still holds every item its state points at. */
export function storeHolds(stateFile: string, previous: BuildState): boolean {
  const { itemOffset, itemLength, count } = previous.articles
  let end = 0
  for (let a = 0; a < count; a++) end = Math.max(end, itemOffset[a]! + itemLength[a]!)
  return storeSize(itemStoreFile(stateFile, previous.itemStore)) >= end
}

export function removeOldStores(stateFile: string, keep: number): void {
  const dir = path.dirname(stateFile)
  const prefix = `${path.basename(stateFile)}.items-`
  for (const name of fs.readdirSync(dir))
    if (name.startsWith(prefix) && name !== path.basename(itemStoreFile(stateFile, keep)))
      fs.rmSync(path.join(dir, name), { force: true })
}
