import { describe, expect, it } from 'vitest';
import { spellsOut, writesOut } from '../src/search/abbreviation.ts';

describe('a name an abbreviation shortens', () => {
  it.each([
    ['Minecraft items use a format known as Named Binary Tag (NBT), which nests data.', 'nbt', true],
    ['The roadmap includes the deployment of an international stabilization force [ISF].', 'isf', true],
    ['The United Nations Relief and Works Agency (UNRWA) runs the schools.', 'unrwa', true],
    ['NBT, or Named Binary Tag, nests data.', 'nbt', true],
    // A word in capitals gives all its letters; a foreign name's linking words give none.
    ['The meeting follows the UN Security Council’s [UNSC] approval of the roadmap.', 'unsc', true],
    ['The movement was the FIS or Front Islamique de Salut.', 'fis', true],
    // Initials that meet by chance, away from the abbreviation or through a stopword, write nothing out.
    ['Israeli security forces entered the camp; the ISF was not yet deployed.', 'isf', false],
    ['The ISF arrived in September for the handover.', 'isf', false],
    ['The NBT format nests data.', 'nbt', false],
    ['Named Binary Tag data nests deeply.', 'nbt', false],
    // Written out after an explanation, or with "or"; not words that merely follow or precede it.
    ['Staff held TGIF drinks (an acronym for Thank God It\'s Friday) at six.', 'tgif', true],
    ['The movement, the FIS or Front Islamique de Salut, won.', 'fis', true],
    ['Shares of Norfolk Southern Corp <NSC> rose.', 'nsc', true],
    ['The KRP kept regional prices steady.', 'krp', false],
    ['Nobody doubted procedure, the NDP chairman said.', 'ndp', false],
    ['GE said Pacific Gas and Electric Co would buy turbines.', 'ge', false],
    ['The EC Executive Commission met.', 'ec', false],
    ['Analysts asked whether only OPEC or both OPEC and other producers would cut.', 'opec', false],
    ['Fatah fighters accepted tough amended handover terms.', 'fatah', false],
    // A company's suffix stands outside the letters; a name in capitals may be set off by commas.
    ['Software for International Business Machines Corp <IBM> and compatibles sold well.', 'ibm', true],
    ['An existing New York Stock Exchange, NYSE, rule might be used.', 'nyse', true],
    ['The MCA - formally the Maritime Cargo Authority - fined a shipping line.', 'mca', true],
    ['Shares of Pacific Gas and Electric Co (PG&E) fell.', 'pge', true],
  ])('%s (%s)', (sentence, letters, written) => {
    expect(writesOut(sentence, letters)).toBe(written);
  });

  it('finds a capitalised name spelling an acronym anywhere in a story, linking words aside', () => {
    expect(spellsOut('Shares of Canadian Imperial Bank of Commerce rose.', 'cibc')).toBe(true);
    expect(spellsOut('shares of canadian imperial bank of commerce rose.', 'cibc')).toBe(false);
  });
});
