/**
 * Pronouns that can name a speaker ('"…," he said'), with what they may refer to. Lower case.
 * 'I' and 'we' only speak for themselves in first-person texts (op-eds, interviews).
 */
export type PronounReferent = 'male' | 'female' | 'person' | 'thing' | 'group';

export const SPEAKER_PRONOUNS: ReadonlyMap<string, PronounReferent> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['it', 'thing'],
  ['they', 'group'],
  ['i', 'person'],
  ['we', 'group'],
  ['who', 'person'],
  // 'the department, which reported "2,521 shooting incidents"'
  ['which', 'thing'],
]);

/** Determiners and possessives that open a descriptive speaker phrase: 'the minister', 'his spokesman'. */
export const SPEAKER_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'one', 'another', 'this', 'that',
  'these', 'those', 'some', 'several', 'two', 'three', 'both', 'many', 'other', 'each',
]);
