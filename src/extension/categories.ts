import type { EntityType } from '../engine/index';

/** What the editor colours, toggles and lists: one decoration type and one setting per category. */
export type Category = 'quote' | 'speaker' | 'person' | 'organization' | 'place' | 'event' | 'keyword' | 'dateline';

export const CATEGORIES: readonly Category[] = ['quote', 'speaker', 'person', 'organization', 'place', 'event', 'keyword', 'dateline'];

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'event'];

/** The kinds a user can put on a personal list (pressLens.personalLists.<kind>). */
export type ListKind = EntityType | 'keyword';
export const LIST_KINDS: readonly ListKind[] = ['person', 'organization', 'place', 'event', 'keyword'];

/** Group titles shared by the Outline, the Press Lens panel and the status bar. */
export const GROUP_LABEL: Record<EntityType | 'keyword', { plural: string; singular: string }> = {
  person: { plural: 'People', singular: 'person' },
  organization: { plural: 'Organizations', singular: 'organization' },
  place: { plural: 'Places', singular: 'place' },
  event: { plural: 'Events', singular: 'event' },
  keyword: { plural: 'Keywords', singular: 'keyword' },
};
