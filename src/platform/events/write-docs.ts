import { writeFileSync } from 'node:fs';
import { EVENT_CATALOG } from './catalog.ts';
import { eventsMarkdown } from './docs.ts';

/** `npm run events:docs`: writes docs/events.md from the event catalog (commit it with the change to the catalog). */
export const EVENTS_DOC = new URL('../../../docs/events.md', import.meta.url);

if (import.meta.main) {
  writeFileSync(EVENTS_DOC, eventsMarkdown(EVENT_CATALOG));
  console.log(`wrote ${EVENTS_DOC.pathname}`);
}
