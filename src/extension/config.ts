import * as vscode from 'vscode';
import type { AnalysisOptions } from '../engine/index';
import { CATEGORIES, LIST_KINDS, type Category, type ListKind } from './categories';

/** A frozen snapshot of the pressLens.* settings; features read this, never the raw configuration. */
export interface PressLensConfig {
  readonly languages: readonly string[];
  readonly decorationsEnabled: boolean;
  readonly categoryEnabled: Readonly<Record<Category, boolean>>;
  readonly debounceMs: number;
  readonly maxDocumentSizeKb: number;
  /** Documents larger than this are analysed in the worker, off the extension host's thread. */
  readonly workerThresholdKb: number;
  readonly maxKeywords: number;
  readonly personalLists: Readonly<Record<ListKind, readonly string[]>>;
}

export const SECTION = 'pressLens';

export function readConfig(): PressLensConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  const categoryEnabled = {} as Record<Category, boolean>;
  for (const category of CATEGORIES) categoryEnabled[category] = c.get<boolean>(`decorations.${category}`, true) !== false;
  const personalLists = {} as Record<ListKind, readonly string[]>;
  for (const kind of LIST_KINDS) personalLists[kind] = Object.freeze(stringList(c.get(`personalLists.${kind}`)));
  const languages = stringList(c.get('languages'));
  return Object.freeze({
    languages: Object.freeze(languages.length > 0 ? languages : ['plaintext', 'markdown']),
    decorationsEnabled: c.get<boolean>('decorations.enabled', true) !== false,
    categoryEnabled: Object.freeze(categoryEnabled),
    debounceMs: clamp(c.get<number>('debounceMs', 300), 0, 10_000, 300),
    maxDocumentSizeKb: clamp(c.get<number>('maxDocumentSizeKb', 1024), 1, 1_000_000, 1024),
    workerThresholdKb: clamp(c.get<number>('workerThresholdKb', 256), 0, 1_000_000, 256),
    maxKeywords: clamp(c.get<number>('maxKeywords', 15), 0, 200, 15),
    personalLists: Object.freeze(personalLists),
  });
}

/** Maps the settings the engine cares about onto its options (the engine never reads settings). */
export function analysisOptions(config: PressLensConfig): AnalysisOptions {
  return { personalLists: config.personalLists, maxKeywords: config.maxKeywords };
}

export function documentSelector(config: PressLensConfig): vscode.DocumentFilter[] {
  return config.languages.map(language => ({ language }));
}

/** Holds the current snapshot; fires only when a pressLens.* setting changed (not on every edit to settings.json). */
export class ConfigStore implements vscode.Disposable {
  private current = readConfig();
  private readonly emitter = new vscode.EventEmitter<PressLensConfig>();
  readonly onDidChange = this.emitter.event;
  private readonly listener = vscode.workspace.onDidChangeConfiguration(e => {
    if (!e.affectsConfiguration(SECTION)) return;
    this.current = readConfig();
    this.emitter.fire(this.current);
  });

  get value(): PressLensConfig {
    return this.current;
  }

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map(v => v.trim());
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}
