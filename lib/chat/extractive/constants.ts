/** Hard cap on an extractive answer, label included: well under one 360 px phone screen, and never cut mid-sentence. */
export const EXTRACTIVE_MAX_CHARS = 900;

/** Quoted text aimed for before the label: two or three sentences, about a third of a phone screen. */
export const EXTRACTIVE_TARGET_CHARS = 380;

/** Fewest and most quoted units (a sentence, or one list): one sentence rarely answers, five is a page; the fewest is reached with the best unit's neighbour. */
export const MIN_UNITS = 2;
export const MAX_UNITS = 4;

/** Sources whose sentences compete: past the fourth the retrieval rarely holds the answer. */
export const CANDIDATE_SOURCES = 4;

/** Past the first unit, one scoring under this share of the best is left out: it answers something else. */
export const RELATIVE_SCORE_FLOOR = 0.45;

/** Sentences shorter than this say too little alone ("It was different."); longer ones crowd the answer out. */
export const MIN_SENTENCE_CHARS = 30;
export const MAX_SENTENCE_CHARS = 340;

/** Most items quoted from one list or rows from one table: the gist, not the whole list. */
export const MAX_LIST_ITEMS = 3;

/** How far a list's second item may run past the target: a one-item list reads as a stray line. */
export const LIST_FILL_SLACK = 120;

/** Longest list item kept whole; a longer one is cut to its first sentence. */
export const MAX_ITEM_CHARS = 200;

/** Share of shared content words above which two sentences count as saying the same thing. */
export const NEAR_DUPLICATE_OVERLAP = 0.75;

/** Bonus for a source's rank (divided by the rank): retrieval already weighed the whole passage. */
export const RANK_BONUS = 1;

/** Bonus for the first sentence of a paragraph: openings often define; small, so an answering sentence wins. */
export const OPENING_BONUS = 0.15;

/** Weight of question words in a source's title ("Doc › Section"), counted for what sits right under it: a heading that matches says the section is about the question. */
export const TITLE_WEIGHT = 0.8;

/** Weight of words from earlier user turns: they only break ties for a follow-up ("and the results?"). */
export const HISTORY_TERM_WEIGHT = 0.25;

/** Weight of a section label a question's everyday word stands for ("study" → Education): it finds the section through its title, not every sentence that says "education". */
export const LABEL_TERM_WEIGHT = 0.6;

/** Most older items a "latest" answer names after the newest one. */
export const LATEST_ALSO_NAMED = 2;
