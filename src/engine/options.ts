import type { EntityType } from './model';

/** What a user can tell the engine; the editor maps its settings onto this. */
export interface AnalysisOptions {
  /**
   * Personal lists: names and phrases the user marked by hand. Every occurrence in the text
   * (whole words, case-sensitive for names, case-insensitive for keywords) is annotated with
   * that type, and wins over the tagger.
   */
  personalLists?: Partial<Record<EntityType | 'keyword', readonly string[]>>;
  /** How many keywords to return, best first. Default 15. */
  maxKeywords?: number;
}

export interface ResolvedOptions {
  personalLists: Record<EntityType | 'keyword', readonly string[]>;
  maxKeywords: number;
}

export function resolveOptions(options: AnalysisOptions = {}): ResolvedOptions {
  const lists = options.personalLists ?? {};
  return {
    personalLists: {
      person: lists.person ?? [],
      organization: lists.organization ?? [],
      place: lists.place ?? [],
      event: lists.event ?? [],
      keyword: lists.keyword ?? [],
    },
    maxKeywords: options.maxKeywords ?? 15,
  };
}
