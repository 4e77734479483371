import { GAZETTEER } from './gazetteer';

let knownPlaces: Set<string> | undefined;

/** "WASHINGTON", "ST. LOUIS", "Leeds": a city, country or region in the gazetteer; built on first use. */
export function isKnownPlace(name: string): boolean {
  if (!knownPlaces) {
    knownPlaces = new Set<string>();
    for (const list of ['city', 'country', 'region']) for (const place of (GAZETTEER[list] ?? '').split('|')) knownPlaces.add(place);
  }
  return knownPlaces.has(name.toLowerCase().replace(/\s+/g, ' '));
}
