// `/favourites`: the reader's favourites from their stored snapshots (no feed request needed),
// export and import, and the reading settings.
import { PageTitle } from '../../components/page-title.tsx'
import { FavouritesList } from '../../features/favourites/components/favourites-list.tsx'
import { FavouritesTransfer } from '../../features/favourites/components/favourites-transfer.tsx'
import { MarkReadSetting } from '../../features/reading-state/components/mark-read-setting.tsx'
import { messages } from '../../lib/messages.ts'
import { articlePath } from '../../entities/article/model/paths.ts'

export default function FavouritesRoute() {
  return (
    <>
      <PageTitle title={messages.favouritesTitle} />
      <h1>{messages.favouritesTitle}</h1>
      <FavouritesList articleHref={(id) => articlePath(id)} />
      <FavouritesTransfer />
      <section aria-labelledby="reading-settings">
        <h2 id="reading-settings">{messages.favouritesSettings}</h2>
        <MarkReadSetting />
      </section>
    </>
  )
}
