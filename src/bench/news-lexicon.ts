/**
 * The newsroom furniture the generator draws on: people, places, outlets and
 * the stock phrases every wire story repeats. Stock phrases matter for the
 * benchmark: they are the high-frequency n-grams that make naive fingerprint
 * indexes match unrelated articles.
 */

export const FIRST_NAMES: readonly string[] = (
  'Maria James Anna David Elena Michael Sofia Daniel Laura Thomas Olga Robert Fatima Ahmed Chen Wei ' +
  'Priya Rahul Ingrid Lars Amara Kwame Lucia Pedro Hannah Jonas Aisha Omar Yuki Kenji Marta Pablo ' +
  'Claire Henri Nadia Ivan Grace Samuel Leila Karim Eva Peter Sarah John Emma Luca Mei Tariq'
).split(' ');

export const SURNAMES: readonly string[] = (
  'Lopez Smith Novak Kowalski Garcia Nguyen Okafor Haddad Schmidt Rossi Tanaka Petrov Johansson ' +
  'Mensah Dubois Silva Kim Patel Cohen Murphy Hughes Bauer Moreau Fischer Santos Ivanova Larsen ' +
  'Mbeki Walsh Romano Sato Alvarez Brennan Castillo Demir Eriksen Farouk Gallagher Horvat Iqbal ' +
  'Jensen Kaplan Lindqvist Morales Nakamura Ortega Popescu Quinn Reyes Suzuki'
).split(' ');

export const PLACES: readonly string[] = (
  'Brussels Nairobi Lisbon Warsaw Manila Denver Osaka Lagos Lima Glasgow Hamburg Marseille Quito ' +
  'Adelaide Porto Krakow Accra Valencia Tbilisi Dakar Bergen Calgary Leeds Turin Seville Gdansk ' +
  'Mombasa Cebu Durban Halifax Malmo Antwerp Bilbao Tampere Cork Graz Lyon Ottawa Perth Austin'
).split(' ');

export const INSTITUTIONS: readonly string[] = [
  'the Ministry of Health', 'the city council', 'the European Commission', 'the central bank',
  'the Supreme Court', 'the World Health Organization', 'the national weather service',
  'the transport authority', 'the Interior Ministry', 'the United Nations', 'the state prosecutor',
  'the electoral commission', 'the coast guard', 'the finance ministry', 'the regional government',
];

export const OUTLETS: readonly string[] = [
  'The Daily Ledger', 'Northern Courier', 'Metro Wire', 'The Evening Standard-Post', 'Harbour Times',
  'Capital Dispatch', 'The Valley Gazette', 'Continental Press', 'Riverside Herald', 'The Morning Signal',
  'Coastal Observer', 'The Union Chronicle',
];

const ACTORS = ['officials', 'a spokesperson', 'police', 'witnesses', 'analysts', 'the company', 'local residents', 'the agency'];
const SPEECH = ['said', 'told reporters', 'said in a statement', 'confirmed', 'said on social media', 'told local media'];
const WHEN = ['on Monday', 'on Tuesday', 'on Wednesday', 'late on Thursday', 'on Friday', 'over the weekend', 'earlier this week', 'last month'];

/** Fixed stock phrases, verbatim from typical wire copy. */
const FIXED_PHRASES: readonly string[] = [
  'did not immediately respond to a request for comment',
  'according to a statement released by the authorities',
  'the investigation is ongoing',
  'it was not immediately clear what caused the incident',
  'speaking on condition of anonymity because they were not authorised to speak publicly',
  'the full extent of the damage is not yet known',
  'more details are expected to be released in the coming days',
  'this is a developing story and will be updated',
  'declined to comment on the matter',
  'the figures could not be independently verified',
  'in a move that surprised many observers',
  'amid growing concern over the situation',
  'according to people familiar with the matter',
  'the decision is expected to face legal challenges',
  'officials have urged residents to remain calm',
  'the announcement comes at a time of rising tension',
];

/**
 * The full list of stock phrases: the fixed ones plus actor × speech × time
 * combinations ("police said on Monday"), as many as wire copy really has.
 * Deterministic order.
 */
export const STOCK_PHRASES: readonly string[] = (() => {
  const out = [...FIXED_PHRASES];
  for (const actor of ACTORS) for (const speech of SPEECH.slice(0, 4)) for (const when of WHEN.slice(0, 5)) {
    out.push(`${actor} ${speech} ${when}`);
  }
  return out;
})();
