// One line of a chat transcript as both the customer's page and the advisor's console list it: who said it (as the
// page labels that speaker) and what they said. The CSS class and data-speaker carry the speaker for styling and tests.
import { el } from './http.js';

export function transcriptLine(m, who) {
  return el('li', { class: `line ${m.speaker.toLowerCase()}`, 'data-speaker': m.speaker },
    el('span', { class: 'who' }, who), el('span', { class: 'text' }, m.text));
}
