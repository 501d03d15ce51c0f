/** Question words and the words people frame a question with ("tell me", "what happened"). */
export const QUESTION_FRAMING: ReadonlySet<string> = new Set([
  'who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'whats', 'whos',
  'tell', 'know', 'explain', 'describe', 'happen', 'happened', 'happening', 'happens', 'mean',
  'means', 'please', 'say', 'says', 'said', 'saying', 'anybody', 'thing', 'things',
]);

/**
 * Words that carry no meaning for finding an answer: English function words plus the words people
 * use to frame a question ("who", "tell me", "what happened"). Matched after case and diacritic
 * folding, before stemming.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // articles, conjunctions, prepositions
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with',
  'from', 'about', 'as', 'into', 'onto', 'upon', 'than', 'then', 'so', 'if', 'because', 'while',
  'during', 'per', 'via', 'between', 'among', 'through', 'against', 'without', 'within',
  // time prepositions: "where did they meet before?" asks about a meeting, not about the word "before"
  'before', 'after', 'until', 'since',
  // auxiliaries
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'doing',
  'have', 'has', 'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may',
  'might', 'must', 'get', 'got', 'going', 'gonna',
  // negated auxiliaries, their apostrophe dropped as analysis does and as chat leaves it out ("didnt")
  'isnt', 'arent', 'wasnt', 'werent', 'dont', 'doesnt', 'didnt', 'havent', 'hasnt', 'hadnt', 'wont',
  'wouldnt', 'cant', 'couldnt', 'shouldnt', 'mustnt', 'neednt', 'mightnt', 'shant', 'aint',
  // "there's", "that's", "where's" so typed: with the apostrophe, analysis drops the "'s" as a possessive's
  'theres', 'thats', 'heres', 'wheres', 'hows', 'whens', 'whys',
  // pronouns and determiners
  'i', 'me', 'my', 'mine', 'we', 'our', 'ours', 'you', 'your', 'yours', 'he', 'him', 'his', 'she',
  'her', 'hers', 'it', 'its', 'they', 'them', 'their', 'theirs', 'this', 'that', 'these', 'those',
  'there', 'here', 'some', 'any', 'all', 'each', 'every', 'both', 'either', 'neither', 'such',
  'own', 'same', 'other', 'another', 'one', 'ones', 'something', 'anything', 'someone', 'anyone',
  'not', 'no', 'yes', 'very', 'too', 'just', 'also', 'only', 'more', 'most', 'much', 'many',
  'again', 'ever', 'still', 'yet', 'even', 'now', 'really', 'actually',
  ...QUESTION_FRAMING,
  // Arabic article in transliterated names ("Al Hayya", "al-Hayya" keep the name, not the article)
  'al', 'el',
]);

/** The articles, which open a noun phrase: "the", "a", "an". */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
