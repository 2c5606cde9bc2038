/**
 * Every feature extractor the app knows, by id: the registry `ExternalKnowledge` looks ids up in.
 * Explicit, like the method registry: adding an extractor is adding a line here.
 */
import { clipVitB32 } from './clip';
import { mobileNetV2Extractor } from './mobilenet';
import type { FeatureExtractor } from './types';

/** Input sizes the bundled MobileNetV2 is offered at: as trained (224), and small and fast (96). */
export const MOBILENET_SIZES = [96, 224] as const;

export const mobileNetV2Id = (size: number): string => mobileNetV2Extractor(size).id;

export const EXTRACTORS: readonly FeatureExtractor[] = [...MOBILENET_SIZES.map(mobileNetV2Extractor), clipVitB32];

export function extractorById(id: string): FeatureExtractor | undefined {
  return EXTRACTORS.find((e) => e.id === id);
}
