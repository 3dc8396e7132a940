/**
 * The grading words of AJP-2.1 (the Admiralty code) and ICD 203, beside the enums the schema
 * uses, so every panel and export says a grade the same way.
 */

/** How far a source can be trusted, from its kind, its record and how it came by what it reports. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_LABEL: Record<ReliabilityGrade, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** How far a fact can be believed, 1 best; judged apart from who reports it. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type CredibilityGrade = (typeof CREDIBILITY_GRADES)[number];

export const CREDIBILITY_LABEL: Record<CredibilityGrade, string> = {
  1: 'Confirmed',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** What an ungraded source counts as, and what is said about it. */
export const UNGRADED_RELIABILITY = { grade: 'F', reason: 'Not graded in the dataset' } as const;

/** The seven terms of ICD 203 for how likely a claim is; always shown as words, never as a number. */
export const LIKELIHOODS = [
  'almost-no-chance',
  'very-unlikely',
  'unlikely',
  'roughly-even-chance',
  'likely',
  'very-likely',
  'almost-certain',
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const LIKELIHOOD_LABEL: Record<Likelihood, string> = {
  'almost-no-chance': 'almost no chance',
  'very-unlikely': 'very unlikely',
  unlikely: 'unlikely',
  'roughly-even-chance': 'roughly even chance',
  likely: 'likely',
  'very-likely': 'very likely',
  'almost-certain': 'almost certain',
};
