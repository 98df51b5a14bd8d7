// React access to favourites through useSyncExternalStore.
import { useMemo, useSyncExternalStore } from 'react'
import { favouriteList, favouritesStore, type Favourites } from './favourites-store.ts'

const EMPTY: Favourites = new Map()

function useFavouritesMap(): Favourites {
  return useSyncExternalStore(favouritesStore.subscribe, favouritesStore.getSnapshot, () => EMPTY)
}

export function useIsFavourite(id: string): boolean {
  return useSyncExternalStore(
    favouritesStore.subscribe,
    () => favouritesStore.getSnapshot().get(id)?.fav === true,
    () => false,
  )
}

/** Favourites, newest favourited first. */
export function useFavourites() {
  const favs = useFavouritesMap()
  return useMemo(() => favouriteList(favs), [favs])
}
