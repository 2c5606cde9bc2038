/**
 * Every feature extractor the app knows, by id: the registry `ExternalKnowledge` looks ids up in.
 * Explicit, like the method registry: adding an extractor is adding a line here.
 */
import { clipVitB32 } from './clip';
import type { FeatureExtractor } from './types';

export const EXTRACTORS: readonly FeatureExtractor[] = [clipVitB32];

export function extractorById(id: string): FeatureExtractor | undefined {
  return EXTRACTORS.find((e) => e.id === id);
}
