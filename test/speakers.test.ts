import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/search/analyzer.ts';
import { askedSpeaker, speaksIn } from '../src/search/speakers.ts';

/** The question terms `askedSpeaker` picks, as the words asked. */
function speakerWords(question: string): string[] {
  const asked = tokenize(question, 'query');
  return askedSpeaker(question, asked).map((q) => asked[q]?.word ?? '');
}

/** Whether `name` speaks in `sentence`, read after the sentence `before` it. */
function speaks(name: string, sentence: string, before?: string): boolean {
  const term = tokenize(name, 'index')[0]?.term;
  return speaksIn(sentence, before, [0], (t: string) => (t === term ? [0] : []));
}

describe('who a question asks to have spoken', () => {
  it.each([
    ['What did Hamas say about Lebanon?', ['hamas']],
    ['What did the Israeli military say about Lebanon?', ['israeli', 'military']],
    ['What did Erdogan promise?', ['erdogan']],
    // The question's verb is not one of speaking: nobody is asked to have spoken.
    ['What did CBS provide of the Super Bowl broadcast?', []],
    ['What did Luther use as accompaniment to his hymns?', []],
    ["What did Tesla's father promise him?", ['tesla', 'father']],
    ['Who met Hayya in Istanbul?', []],
    // "did" is the auxiliary and "do" the verb: "attack" after it is no verb of speaking.
    ['What did Qatar do after the Doha attack?', []],
    ['what did qatar do after the doha attack', []],
    ['What did Do Kwon say?', ['kwon']],
  ])('%s', (question, words) => {
    expect(speakerWords(question)).toEqual(words);
  });
});

describe('who speaks in a sentence', () => {
  it.each([
    ['Hamas', 'Hamas denied having any military infrastructure in refugee camps in Lebanon.'],
    ['Hamas', 'Hamas also said the talks would resume.'],
    ['Katz', '"You will have to pay the price in full," said Katz.'],
    ['Hamas', 'The talks will resume on Monday, according to Hamas.'],
    ['Egypt', 'Hamas was warned by Egypt that the crossing would close.'],
    ['Hamas', 'We will respect the truce, Hamas said.'],
  ])('%s speaks in "%s"', (name, sentence) => {
    expect(speaks(name, sentence)).toBe(true);
  });

  it.each([
    ['Hamas', 'The military released footage of the strike, claiming it struck a Hamas training compound.'],
    ['Hamas', 'Israel said it struck a Hamas facility in southern Lebanon.'],
    ['Hamas', 'Hamas was told that the deal was final.'],
    ['Hamas', 'Hamas was warned by Egypt that the crossing would close.'],
    ['Hamas', 'Witkoff told Hamas the deal was final.'],
    ['Hamas', 'Israel resumed strikes on Hamas after talks collapsed.'],
    ['Erdogan', 'Critics of Erdogan say his promises on inflation were empty.'],
    ['Erdogan', 'A letter sent to Erdogan warned of sanctions.'],
    ['Hamas', 'Netanyahu, who has vowed to destroy Hamas, said the war would go on.'],
    ['Hamas', `Hamas ${'='.repeat(200_000)} said the ceasefire held.`],
    ['Rubio', 'Rubio ally Lindsey Graham said the Gaza plan would fail.'],
    ['Rubio', "Rubio's critics say the Gaza plan has no timetable."],
    ['Hamas', 'The Hamas-run health ministry said 40 people were killed.'],
    ['Hamas', 'A source familiar with the Hamas position said talks had stalled.'],
    ['Hamas', 'Egypt hosted Hamas talks in Cairo on Monday.'],
    ['Hamas', 'Israel falsely claimed Hamas said the truce was dead.'],
    ['Hamas', 'Fatah unlike Hamas said the plan offered a path to statehood.'],
    ['Hamas', 'Hamas critics said the ceasefire came too late.'],
    ['Hamas', 'Gazans who fled Hamas told reporters aid trucks were looted.'],
    ['Hamas', 'The mediator who met Hamas said the talks had stalled.'],
    ['Hamas', 'Israel said Hamas agreed to the truce only under pressure.'],
    ['Hamas', 'According to Israel, Hamas agreed to the truce only under pressure.'],
    ['Hamas', '"Hamas agreed to the truce only under pressure," Netanyahu claimed.'],
    ['Hamas', 'Hamas agreed to the truce, Israel said.'],
    ['Hamas', 'Reports that Hamas agreed to disarmament are false, Qatar said.'],
    ['Hamas', 'Hackers posing as Hamas announced the truce was over.'],
    ['Hamas', 'Israel thinks Hamas agreed to the truce only under pressure.'],
    ['Hamas', 'Gazans who support Hamas said the truce came too late.'],
    ['Hamas', 'Every party but Hamas said the truce would hold.'],
    ['Putin', 'Trump Says Putin Promised Peace Within Weeks'],
  ])('%s does not speak in "%s"', (name, sentence) => {
    expect(speaks(name, sentence.slice(0, 200))).toBe(false);
    expect(speaks(name, sentence)).toBe(false);
  });

  it('takes a pronoun for the speaker of the sentence before, and for no one it only names', () => {
    const pronoun = 'He assured monks and nuns that they could break their vows.';
    expect(speaks('Luther', pronoun, 'Luther wrote that monastic vows were invalid.')).toBe(true);
    expect(speaks('Hamas', 'It said the strike killed a senior commander.', 'Hamas has been weakened, the Israeli military said.')).toBe(false);
    expect(speaks('Hamas', 'It said Hamas had broken the truce twice.', 'Hamas denied breaking the truce, but the Israeli army insisted the report was accurate.')).toBe(false);
    expect(speaks('Hamas', 'It said the exchange would go ahead.', "Israel's security cabinet met on Hamas demands late on Monday.")).toBe(false);
    expect(speaks('Hamas', 'He told them the ceasefire must hold.', 'The Hamas delegation met Fidan in Ankara on Monday.')).toBe(false);
  });
});

describe('a speaker named by several words', () => {
  it('needs every word of the asked name where the sentence names who speaks', () => {
    const [turkish, minister] = [tokenize('Turkish', 'index')[0]?.term, tokenize('minister', 'index')[0]?.term];
    const standsFor = (t: string) => (t === turkish ? [0] : t === minister ? [1] : []);
    expect(speaksIn("Egypt's foreign minister said Gaza needed a reconstruction conference.", undefined, [0, 1], standsFor)).toBe(false);
    expect(speaksIn('The Turkish minister said Gaza needed a ceasefire.', undefined, [0, 1], standsFor)).toBe(true);
  });

  it('reads an article as opening the name only where a clause opens', () => {
    const [soviet, union] = tokenize('Soviet Union', 'index').map((token) => token.term);
    const standsFor = (t: string) => (t === soviet ? [0] : t === union ? [1] : []);
    expect(speaksIn('Imports will fall, the Soviet Union said.', undefined, [0, 1], standsFor)).toBe(true);
    expect(speaksIn('Hamas denied it, but the Soviet Union insisted the report was accurate.', undefined, [0, 1], standsFor)).toBe(true);
    expect(speaksIn('Imports will fall, analysts of the Soviet Union said.', undefined, [0, 1], standsFor)).toBe(false);
  });
});
