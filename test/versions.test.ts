import { describe, expect, it } from 'vitest';
import { Library } from '../src/search/library.ts';
import { supersedes } from '../src/search/versions.ts';
import { storyArticle } from './support/articles.ts';

const LEAD = 'Goodyear Tire and Rubber Co said it expects to sell its Celeron Corp oil and gas subsidiary for about two billion dlrs.';
const RESULTS = (loss: number) => `Goodyear expects a first-quarter profit from continuing operations. In the same year-ago period, Goodyear reported a loss of ${loss} cents a share from continuing operations.`;
const BUYERS = 'Mercer said about seven companies are interested in buying Celeron and they may form a consortium to buy the unit.';

/** A story as an outlet sent it at `published`. */
function sent(id: string, published: string, paragraphs: string[], outlet = 'Wire'): ReturnType<typeof storyArticle> {
  return { ...storyArticle(id, outlet, paragraphs), published };
}

const original = sent('original', '1987-04-13T12:52:23', [LEAD, RESULTS(64), BUYERS, 'Reuter']);
// The correction is longer, as an update often is: a search engine prefers the shorter story.
const corrected = sent('corrected', '1987-04-13T15:05:50', [
  LEAD,
  RESULTS(59),
  BUYERS,
  'Celeron consists of oil and gas reserves and an almost complete pipeline linking drilling operations in California with refineries in Texas.',
  'Concerning speculation that two billion dlrs would be too low a price, Mercer said the company expects a fair value for the unit.',
  'Reuter',
]);

describe('versions of one story', () => {
  it('takes a story the same outlet sends again within hours, most paragraphs word for word, for a later version', () => {
    expect(supersedes(corrected, original)).toBe(true);
    expect(supersedes(original, corrected)).toBe(false);
  });

  it('does not take for versions stories of another outlet, days apart, undated, or sharing one paragraph', () => {
    expect(supersedes(sent('other', '1987-04-13T15:05:50', corrected.paragraphs, 'Other Wire'), original)).toBe(false);
    // A report written to a template repeats whole paragraphs when its figures repeat, a day or more later.
    const rainfall = (day: string, guaxupe: string) =>
      sent(`rain-${day}`, `1987-04-0${day}T10:00:00`, [
        'THE FOLLOWING RAINFALL WAS RECORDED IN THE AREAS OVER THE PAST 24 HOURS',
        'PARANA STATE: UMUARAMA NIL, PARANAVAI NIL, LONDRINA NIL, MARINGA NIL.',
        'SAO PAULO STATE PRESIDENTE PRUDENTE NIL, VOTUPORANGA NIL, FRANCA NIL, CATANDUVA NIL.',
        `MINAS GERAIS STATE: GUAXUPE ${guaxupe}, TRES PONTAS NIL, AND NO RAIN ELSEWHERE IN THE STATE.`,
      ]);
    expect(supersedes(rainfall('9', 'NIL'), rainfall('7', '33.0 MILLIMETRES'))).toBe(false);
    expect(supersedes({ ...corrected, published: null }, original)).toBe(false);
    // A day alone says neither which came first nor how far apart.
    expect(supersedes({ ...corrected, published: '1987-04-14' }, original)).toBe(false);
    expect(supersedes(corrected, { ...original, published: '1987-04-13' })).toBe(false);
    expect(supersedes(sent('follow-up', '1987-04-13T15:05:50', [LEAD, 'Goodyear shares rose 2-1/4 to 48 in active trading after the announcement.']), original)).toBe(false);
  });

  it('quotes from the earlier version what the later one left out', async () => {
    const full = sent('full', '1987-04-13T12:52:23', [
      LEAD,
      RESULTS(64),
      BUYERS,
      'Mercer said Celeron would not be sold separately from the pipeline, which links drilling operations in California with refineries in Texas.',
      'Reuter',
    ]);
    const repeat = sent('repeat', '1987-04-13T13:10:00', [LEAD, RESULTS(64), BUYERS, 'Reuter']);
    const library = await Library.fromArticles([full, repeat]);
    expect(library.answer('Will Celeron be sold separately from the pipeline?').sentences[0]?.text).toContain('would not be sold separately from the pipeline');
  });

  it('takes a short paragraph whose figure was corrected for the same paragraph', async () => {
    const short = (id: string, published: string, loss: number) => sent(id, published, [LEAD, `It lost ${loss} cents a share.`, BUYERS, 'Reuter']);
    const library = await Library.fromArticles([short('first', '1987-04-13T12:52:23', 64), short('second', '1987-04-13T15:05:50', 59)]);
    const answer = library.answer('How many cents a share did Goodyear lose?');
    expect(answer.sentences.map((s) => s.text)).toContain('It lost 59 cents a share.');
    expect(answer.sentences.map((s) => s.text)).not.toContain('It lost 64 cents a share.');
  });

  it('quotes the later version, not the figure it corrected', async () => {
    const library = await Library.fromArticles([original, corrected]);
    const answer = library.answer('What loss did Goodyear report per share from continuing operations in the year-ago period?');
    expect(answer.sentences[0]?.text).toContain('a loss of 59 cents');
    expect(answer.sentences.map((s) => s.text).join(' ')).not.toContain('64 cents');
  });
});
