// Entry point: mounts the app. (Placeholder until the reader app lands.)
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <p>新闻阅读</p>
    </StrictMode>,
  )
