import { describe, expect, it } from 'vitest';
import { titledNames } from '../src/search/names.ts';

describe('names written with a title', () => {
  it.each([
    ['What did Israeli Prime Minister Benjamin Netanyahu say?', [{ title: ['Israeli', 'Prime', 'Minister', 'Benjamin'], name: 'Netanyahu', bearer: 'Minister Benjamin Netanyahu' }]],
    // "of" ends a name: the title is read from "Japan" on.
    ['What did Bank of Japan governor Satoshi Sumita say?', [{ title: ['Japan', 'governor', 'Satoshi'], name: 'Sumita', bearer: 'governor Satoshi Sumita' }]],
    ['What party is President Kibaki part of?', [{ title: ['President'], name: 'Kibaki', bearer: 'President Kibaki' }]],
    // No role noun before the name, or no name after the role noun: no title.
    ['What did Hakan Fidan say?', []],
    ['Who is the Turkish president?', []],
    // Role nouns in WordNet's first senses that title nobody here: "Super" (Bowl), "National", "tackled".
    ['Who were the announcers of Super Bowl 50?', []],
    ['How many schools became National Type schools?', []],
    ['Who tackled Mike Tolbert?', []],
    // Not a proper name after the title: an acronym, a common word.
    ['Why does Fresno only have UHF stations?', []],
    ['What did the Amazon River flood?', []],
  ])('%s', (text, found) => {
    expect(titledNames(text)).toEqual(found);
  });
});
