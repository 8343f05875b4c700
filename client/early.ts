/**
 * [PERF2] Imported first by main.tsx: the meeting's connection opens once only what it needs has
 * run, before React and the views are evaluated (module code runs in import order). On a slow
 * phone the WebSocket handshake then travels while the rest of the bundle is evaluated.
 */
import { openEarly } from './features/meeting/meetingConnection';
import { parseRoute } from './router';

openEarly(parseRoute(window.location.pathname));
