import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openEarly } from './features/meeting/meetingConnection';
import { parseRoute } from './router';
import './styles.css';

openEarly(parseRoute(window.location.pathname));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
