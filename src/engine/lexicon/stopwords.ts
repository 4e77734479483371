/**
 * Words that never start, end or sit inside a topic keyphrase, lower case.
 *
 * The base is the English list of the `stopword` npm package (MIT, 108 words), copied here so the
 * engine has no runtime dependency. The additions are function words that list lacks ("among",
 * "whether", clitics such as "'s"), which would otherwise glue two phrases together: "trade
 * among neighbours" must give "trade" and "neighbours", not one phrase.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // stopword 3.1.5, `eng`
  'about', 'after', 'all', 'also', 'am', 'an', 'and', 'another', 'any', 'are', 'as', 'at', 'be', 'because',
  'been', 'before', 'being', 'between', 'both', 'but', 'by', 'came', 'can', 'come', 'could', 'did', 'do',
  'each', 'for', 'from', 'get', 'got', 'has', 'had', 'he', 'have', 'her', 'here', 'him', 'himself', 'his',
  'how', 'if', 'in', 'into', 'is', 'it', 'like', 'make', 'many', 'me', 'might', 'more', 'most', 'much', 'must',
  'my', 'never', 'now', 'of', 'on', 'only', 'or', 'other', 'our', 'out', 'over', 'said', 'same', 'should',
  'since', 'some', 'still', 'such', 'take', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these',
  'they', 'this', 'those', 'through', 'to', 'too', 'under', 'up', 'very', 'was', 'way', 'we', 'well', 'were',
  'what', 'where', 'which', 'while', 'who', 'with', 'would', 'you', 'your', 'a', 'i',
  // additions: function words
  'above', 'across', 'against', 'ago', 'almost', 'along', 'already', 'although', 'amid', 'among', 'amongst',
  'around', 'away', 'below', 'beside', 'besides', 'beyond', 'despite', 'down', 'during', 'either', 'else',
  'enough', 'even', 'ever', 'every', 'except', 'few', 'further', 'however', 'its', 'itself', 'just', 'least',
  'less', 'may', 'mine', 'myself', 'neither', 'nor', 'not', 'off', 'often', 'once', 'onto', 'ours', 'ourselves',
  'per', 'perhaps', 'quite', 'rather', 'really', 'several', 'shall', 'she', 'so', 'themselves', 'theirs',
  'though', 'thus', 'till', 'toward', 'towards', 'until', 'unto', 'upon', 'us', 'via', 'whatever', 'when',
  'whenever', 'whereas', 'whether', 'whichever', 'whoever', 'whom', 'whose', 'why', 'will', 'within',
  'without', 'yet', 'yours', 'yourself', 'yourselves', 'herself', 'hers', 'does', 'done', 'doing', 'having',
  'isn', 'let', 'cannot', 'ca', 'wo', 'sha', 'ought', 'might', 'lets', 'next', 'last', 'ones', 'one', 'own', 'etc', 'vs', 'e.g.', 'i.e.',
  'none',
  // number words: quantities, not topics ("eighty years", "hundreds of homes")
  'zero', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions',
  'billion', 'billions', 'trillion', 'dozen', 'dozens', 'first', 'second', 'third', 'fourth', 'fifth', 'half',
  // clitics as the tokenizer splits them: "Japan's" → "Japan" "'s"
  "'s", '’s', "'re", '’re', "'ve", '’ve', "'ll", '’ll', "'d", '’d', "'m", '’m', "n't", 'n’t',
]);

/**
 * Evaluative and temporal adjectives, lower case: they describe the news rather than name a
 * topic, so a keyphrase drops them ("significant progress" → "progress", "new directions" →
 * "directions", "former president" → "president"). Classifying adjectives ("nuclear", "economic",
 * "bilateral", "presidential") stay in phrases. Curated general English.
 */
export const GENERIC_MODIFIERS: ReadonlySet<string> = new Set([
  'new', 'newer', 'newest', 'recent', 'current', 'former', 'latest', 'previous', 'future', 'upcoming', 'ongoing',
  'continued', 'continuing', 'increasing', 'growing', 'past', 'significant', 'major', 'important', 'serious',
  'strong', 'big', 'bigger', 'biggest', 'great', 'greater', 'greatest', 'good', 'better', 'best', 'bad', 'worse',
  'worst', 'key', 'main', 'various', 'certain', 'regular', 'mutual', 'whole', 'proper', 'similar', 'different',
  'possible', 'likely', 'real', 'true', 'clear', 'huge', 'massive', 'enormous', 'tremendous', 'substantial',
  'considerable', 'particular', 'specific', 'additional', 'overall', 'total', 'entire', 'certain', 'general',
  'usual', 'actual', 'relevant', 'appropriate', 'necessary', 'successful', 'positive', 'negative', 'special',
  'later', 'earlier', 'exact', 'absolute', 'ensuing', 'deserved', 'extra', 'single', 'sudden', 'obvious', 'simple',
  'perfect', 'imperfect', 'excellent', 'wonderful', 'terrible', 'awful', 'nice', 'fine', 'poor', 'difficult', 'easy',
  'hard', 'interesting', 'remarkable', 'notable', 'unique', 'unprecedented', 'numerous', 'frequent', 'occasional',
  // quantity, degree and the reporter's characterization ("countless kielbasi", "far lower rate",
  // "well-known Chinese human rights lawyer", "a hard-fought race", "inadequate education")
  'countless', 'multiple', 'myriad', 'far', 'well-known', 'so-called', 'longtime', 'onetime', 'relative', 'bitter',
  'hard-fought', 'fierce', 'aggressive', 'inadequate', 'favorable', 'unfavorable', 'legitimate', 'tough', 'modern',
  'young', 'younger', 'old', 'older', 'apparent', 'widespread', 'rare', 'common', 'full', 'brief', 'lengthy', 'separate',
  'needless', 'careful', 'close', 'closer', 'closest', 'distinct', 'high-profile', 'top', 'leading', 'prominent', 'high',
  'low',
]);
