/** What an augmentation preset does, in words, for the augmented pairs' legend. */
import type { AugmentSpec } from '../../core/augment/imageAugment';

const pct = (v: number): string => `${Math.round(v * 100)} %`;

export function describeAugment(spec: AugmentSpec): string {
  const parts: string[] = [];
  if (spec.rotateDeg > 0) parts.push(`rotate up to ±${spec.rotateDeg}°`);
  if (spec.scale > 0) parts.push(`zoom ±${pct(spec.scale)}`);
  if (spec.shiftPx > 0) parts.push(`shift up to ${spec.shiftPx} px`);
  if (spec.flip) parts.push('mirror left–right half the time');
  if (spec.brightness > 0) parts.push(`brightness ±${pct(spec.brightness)}`);
  if (spec.contrast > 0) parts.push(`contrast ±${pct(spec.contrast)}`);
  if (spec.noise > 0) parts.push(`Gaussian noise (σ ${spec.noise})`);
  if (spec.cutoutPx > 0) parts.push(`a blank ${spec.cutoutPx} × ${spec.cutoutPx} px square`);
  return parts.length ? parts.join(', ') : 'unchanged';
}
