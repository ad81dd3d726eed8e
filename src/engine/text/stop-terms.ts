import { termOf } from './term.js';

/**
 * English function words. They carry sentence structure, not content: a match
 * on "the" says little, a run of them in the same order says a lot. Stored as
 * terms so that lookups need no second normalization.
 */
const STOP_WORDS = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other ought our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too under until up upon very was
we were what when where which while who whom whose why will with would you your yours yourself yourselves
said says say told according via per among amid within without however though although yet`;

export const STOP_TERMS: ReadonlySet<string> = new Set(STOP_WORDS.split(/\s+/).filter(Boolean).map(termOf));
