import { analyze, type Analysis, type AnalysisOptions } from '../engine/index';

/** One analysis asked of the worker. `id` pairs the answer with the request. */
export interface AnalyzeRequest {
  id: number;
  text: string;
  options: AnalysisOptions;
}

/** The worker's answer: the Analysis (plain JSON, so structured clone carries it) or why it failed. */
export type AnalyzeResponse = { id: number; analysis: Analysis } | { id: number; error: string };

/**
 * Everything a worker posts. `ready` comes once, after the engine loaded: a worker that dies
 * before it could not start at all (the caller then stops trying), one that dies after crashed.
 */
export type WorkerMessage = AnalyzeResponse | { ready: true };

/**
 * What both worker entries (worker_threads and the browser's Worker) do with a message.
 * analyze() promises never to throw; if it does, the error travels back instead of killing the worker.
 */
export function answer(request: AnalyzeRequest): AnalyzeResponse {
  try {
    return { id: request.id, analysis: analyze(request.text, request.options) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
