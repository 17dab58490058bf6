import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createStudioController } from '../audio/studio-controller.js';
import { StudioApp } from '../ui/StudioApp.js';

const root = document.getElementById('root');
if (!root) throw new Error('the studio page has no #root element');
createRoot(root).render(
  <StrictMode>
    <StudioApp controller={createStudioController()} />
  </StrictMode>,
);
