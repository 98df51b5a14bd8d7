// The stack's own floor for issue 6: React, React DOM, React Router (declarative) and TanStack
// Query doing only what the list route must do first: read the preloaded feed head and render its
// first items as a role="feed" list. No validation, no styles, no app code. bench/stack-floor.ts
// measures it on the same link as the app, to tell the stack's share of the first-list time.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { BrowserRouter, Link, Route, Routes } from 'react-router'

type Head = { items: { id: string; title?: string; summary?: string; date_published?: string }[] }

async function head({ signal }: { signal: AbortSignal }): Promise<Head> {
  const response = await fetch('/feed/feed.json', { signal })
  return (await response.json()) as Head
}

function List() {
  const q = useQuery({ queryKey: ['head'], queryFn: head })
  return (
    <main>
      <h1>最新</h1>
      <div role="feed" aria-busy={q.isPending}>
        {q.data?.items.slice(0, 20).map((item, i) => (
          <article key={item.id} aria-posinset={i + 1} aria-setsize={-1}>
            <h2>
              <Link to={`/article/${encodeURIComponent(item.id)}`}>{item.title}</Link>
            </h2>
            <p>{item.summary}</p>
            <time>{item.date_published}</time>
          </article>
        ))}
      </div>
    </main>
  )
}

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <QueryClientProvider client={new QueryClient()}>
      <BrowserRouter>
        <Routes>
          <Route path="*" element={<List />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>,
  )
